// Builds the data of each one-stop form from what the store recorded about a dossier: the forms print what
// happened (the events' stored fields), never what a user types at print time.
import type { Sql } from '../store/sql';
import type { Settings } from '../../../shared/api/schemas/settings';
import { formRefOn } from '../../../shared/domain/one-stop-forms';
import { WORKFLOW_ACTIONS, isWorkflowAction } from '../../../shared/domain/workflow';
import type { DossierRecord } from '../dossiers/dossier-repo';
import { eventsOf, type EventRow } from '../workflow/workflow-repo';
import { BLANK, type FormAgency, type FormApplicant, type FormSigner } from './one-stop-form';
import { signatureLines } from './licence-template';
import type { SupplementRequestData } from './supplement-request-pdf';
import type { RefusalData } from './refusal-pdf';
import type { ApologyData } from './apology-pdf';
import type { ControlSheetData, HandOver, HandOverResult } from './control-sheet-pdf';

const optional = (value: string | null) => value ?? undefined;

export function formAgency(settings: Settings): FormAgency {
  return {
    governingBody: settings.agency.governingBody,
    name: settings.agency.name,
    place: settings.agency.placeName,
    deskName: settings.agency.deskName,
    address: optional(settings.agency.address),
    phone: optional(settings.agency.phone),
  };
}

function applicantOf(record: DossierRecord): FormApplicant {
  return {
    kind: record.applicant_kind,
    name: record.applicant_name,
    address: optional(record.applicant_address),
    phone: optional(record.applicant_phone),
    email: optional(record.applicant_email),
  };
}

function procedureOf(record: DossierRecord) {
  return { code: optional(record.procedure_code), name: record.procedure_name };
}

/**
 * The head of the Sở signs, or a deputy "KT." (NĐ 30/2020 Điều 13), as set in the Sở's signers list: the
 * one-stop forms are the processing body's, whichever authority issues the licence.
 */
function leaderSigner(settings: Settings): FormSigner {
  const signer = settings.authorities.so.signers[0];
  return {
    titleLines: signatureLines('so', signer?.capacity ?? 'deputy'),
    ...(signer ? { name: signer.name } : {}),
  };
}

function lastEvent(
  events: readonly EventRow[],
  kind: string,
): (EventRow & { fields: Record<string, unknown> }) | null {
  const event = [...events].reverse().find((e) => e.kind === kind);
  return event
    ? { ...event, fields: event.data ? (JSON.parse(event.data) as Record<string, unknown>) : {} }
    : null;
}

export class FormNotApplicableError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

export async function supplementRequestData(
  db: Sql,
  record: DossierRecord,
  settings: Settings,
): Promise<SupplementRequestData> {
  const event = lastEvent(await eventsOf(db, record.id), 'requestSupplement');
  if (!event) throw new FormNotApplicableError('Hồ sơ chưa có yêu cầu bổ sung nào.');
  const missing = (event.fields.missingComponents as string[] | undefined) ?? [];
  const reason = (event.fields.reason as string | undefined) ?? '';
  return {
    agency: formAgency(settings),
    formRef: formRefOn('supplementRequest', event.at.slice(0, 10)),
    issuedAt: event.at,
    dossierCode: record.code,
    applicant: applicantOf(record),
    procedure: procedureOf(record),
    items: missing.map((component) => ({ component, requirement: 'Bổ sung, hoàn thiện theo quy định' })),
    reason,
    contact: {
      name: event.actor_name,
      unit: settings.agency.deskName,
      ...(settings.agency.phone ? { phone: settings.agency.phone } : {}),
    },
    guide: { name: event.actor_name },
  };
}

export async function refusalData(db: Sql, record: DossierRecord, settings: Settings): Promise<RefusalData> {
  const event = lastEvent(await eventsOf(db, record.id), 'refuse');
  if (!event) throw new FormNotApplicableError('Hồ sơ chưa bị từ chối.');
  return {
    agency: formAgency(settings),
    formRef: formRefOn('refusal', event.at.slice(0, 10)),
    issuedAt: event.at,
    dossierCode: record.code,
    applicant: applicantOf(record),
    procedure: procedureOf(record),
    reasons: (event.fields.reasons as string[] | undefined) ?? [],
    refusingBody: settings.agency.name,
    signer: leaderSigner(settings),
    recipients: ['Như trên', `Lưu: VT, ${settings.licensing.draftingUnit}`],
  };
}

export async function apologyData(db: Sql, record: DossierRecord, settings: Settings): Promise<ApologyData> {
  const event = lastEvent(await eventsOf(db, record.id), 'apologise');
  if (!event || !record.due_at) throw new FormNotApplicableError('Hồ sơ chưa có phiếu xin lỗi và hẹn lại.');
  return {
    agency: formAgency(settings),
    formRef: formRefOn('apology', event.at.slice(0, 10)),
    issuedAt: event.at,
    dossierCode: record.code,
    applicant: applicantOf(record),
    procedure: procedureOf(record),
    receivedAt: record.received_at,
    originalDueAt: record.due_at,
    newDueAt: (event.fields.newAppointment as string | undefined) ?? '',
    reason: (event.fields.reason as string | undefined) ?? '',
    processingBody: settings.agency.name,
    signer: leaderSigner(settings),
    recipients: ['Như trên', `Lưu: VT, ${settings.licensing.draftingUnit}`],
  };
}

/** Where a hand-over moves the dossier (Mẫu 05 rows: desk → appraisal → signature → desk → applicant). */
const HAND_OVER_UNITS: Record<string, { from: string; to: string }> = {
  assign: { from: 'Bộ phận Một cửa', to: 'Phòng chuyên môn (thẩm định)' },
  receiveSupplement: { from: 'Bộ phận Một cửa', to: 'Phòng chuyên môn (thẩm định)' },
  propose: { from: 'Phòng chuyên môn (thẩm định)', to: 'Lãnh đạo Sở (ký duyệt)' },
  returnToAppraiser: { from: 'Lãnh đạo Sở', to: 'Phòng chuyên môn (thẩm định)' },
  approve: { from: 'Lãnh đạo Sở', to: 'Bộ phận Một cửa (trả kết quả)' },
  refuse: { from: 'Lãnh đạo Sở', to: 'Bộ phận Một cửa (trả kết quả)' },
  requestSupplement: { from: 'Phòng chuyên môn (thẩm định)', to: 'Bộ phận Một cửa (hướng dẫn bổ sung)' },
  returnResult: { from: 'Bộ phận Một cửa', to: 'Tổ chức, cá nhân' },
};

function handOverResult(at: string, dueDate: string | null): HandOverResult | undefined {
  if (!dueDate) return undefined;
  const day = at.slice(0, 10);
  return day < dueDate ? 'truoc_han' : day === dueDate ? 'dung_han' : 'qua_han';
}

export async function controlSheetData(
  db: Sql,
  record: DossierRecord,
  settings: Settings,
): Promise<ControlSheetData> {
  const events = (await eventsOf(db, record.id)).filter(
    (e) => isWorkflowAction(e.kind) && WORKFLOW_ACTIONS[e.kind].handOver && HAND_OVER_UNITS[e.kind],
  );
  const handOvers: HandOver[] = events.map((event, index) => {
    const units = HAND_OVER_UNITS[event.kind] as { from: string; to: string };
    const next = events[index + 1];
    return {
      fromUnit: units.from,
      toUnit: units.to,
      handedAt: event.at,
      giver: event.actor_name,
      // The next holder signs when they act; until then the line is left to be filled in by hand.
      receiver: next?.actor_name ?? (event.kind === 'returnResult' ? record.applicant_name : BLANK),
      ...(handOverResult(event.at, record.due_date)
        ? { result: handOverResult(event.at, record.due_date) }
        : {}),
      ...(event.note ? { note: event.note } : {}),
    };
  });
  return {
    agency: formAgency(settings),
    formRef: formRefOn('controlSheet', record.receipt_date),
    issuedAt: record.received_at,
    dossierCode: record.code,
    applicant: { name: record.applicant_name },
    procedure: procedureOf(record),
    receivedAt: record.received_at,
    dueAt: record.due_at ?? record.received_at,
    processingUnit: settings.licensing.proposer.replace(/^Trưởng\s+p/u, 'P'),
    handOvers,
  };
}

import type { Sql } from '../store/sql';
import type { Settings } from '../../../shared/api/schemas/settings';
import { formatLicenceNumber, seriesFor } from '../../../shared/domain/numbering';
import { takeNext } from '../store/counters';
import {
  defaultLicenceTemplate,
  type LicenceField,
  type LicenceIssuer,
  type LicenceTemplate,
  type SignerCapacity,
} from '../documents/licence-template';
import { buildLicencePdf, findMissingLicenceFields, type LicenceData } from '../documents/licence-pdf';
import type { FontSet } from '../documents/font-set';
import { ContentStore, filesDirOf } from '../files/content-store';

import { signLicencePayload } from '../signing/licence-signature';
import { activeSigningKey } from '../signing/key-store';
import type { DossierRecord } from '../dossiers/dossier-repo';

interface VersionDetails {
  result_document: string | null;
  result_kind: string | null;
  issuer: LicenceIssuer;
  legal_basis: string;
  licence_fields: string;
}

/** Register prefixes per kind of result (ký hiệu of the document type, NĐ 30/2020 Phụ lục III). */
const SERIES_PREFIX: Record<string, string> = {
  giay_phep: 'GP',
  giay_xac_nhan: 'XN',
  van_ban_chap_thuan: 'CT',
  van_ban_tra_loi: 'TL',
};

async function versionDetails(db: Sql, versionId: number): Promise<VersionDetails> {
  return (await db.get(
    'SELECT result_document, result_kind, issuer, legal_basis, licence_fields FROM procedure_versions WHERE id = ?',
    [versionId],
  )) as VersionDetails;
}

export async function licenceFieldSpec(db: Sql, record: DossierRecord): Promise<LicenceField[]> {
  return JSON.parse((await versionDetails(db, record.procedure_version_id)).licence_fields) as LicenceField[];
}

/** The template of the dossier's procedure version: wording is data, derived from the catalogue. */
export async function licenceTemplateFor(
  db: Sql,
  record: DossierRecord,
  settings: Settings,
): Promise<LicenceTemplate> {
  const v = await versionDetails(db, record.procedure_version_id);
  const sector = (
    (await db.get('SELECT sector FROM procedures WHERE id = ?', [record.procedure_id])) as {
      sector: 'bao_chi' | 'xuat_ban';
    }
  ).sector;
  return defaultLicenceTemplate(
    {
      id: record.procedure_id,
      name: record.procedure_name,
      sector,
      resultDocument: v.result_document,
      resultKind: v.result_kind ?? 'giay_phep',
      issuer: v.issuer,
      legalBasis: JSON.parse(v.legal_basis) as string[],
      licenceFields: JSON.parse(v.licence_fields) as LicenceField[],
    },
    {
      agency: { governingBody: settings.agency.governingBody, name: settings.agency.name },
      provincialCommittee: settings.authorities.ubnd.name,
      proposer: settings.licensing.proposer,
      draftingUnit: settings.licensing.draftingUnit,
    },
  );
}

/** Which authority issues the dossier's licence: its procedure version's issuer (e.g. 'ubnd' for XB-TLKKD). */
export async function licenceIssuerOf(db: Sql, record: DossierRecord): Promise<LicenceIssuer> {
  return (await versionDetails(db, record.procedure_version_id)).issuer;
}

export interface LicenceSigners {
  issuer: LicenceIssuer;
  /** As written in a sentence: 'Sở Văn hóa, Thể thao và Du lịch', 'Ủy ban nhân dân tỉnh Bắc Ninh'. */
  authorityName: string;
  signers: Settings['authorities']['so']['signers'];
  /** The one named unless another is chosen; null when the authority has no signer configured. */
  suggested: string | null;
}

/**
 * The people who may sign the dossier's licence: those of its issuing authority only (issue 12 §3). For a
 * licence of the Sở the approving leader is suggested when listed (they decided it); the UBND's own signers
 * are never the Sở's approver, so its first listed signer is suggested.
 */
export async function licenceSignersOf(
  db: Sql,
  record: DossierRecord,
  settings: Settings,
  approverName: string | null,
): Promise<LicenceSigners> {
  const issuer = await licenceIssuerOf(db, record);
  const { signers } = settings.authorities[issuer];
  const approver = issuer === 'so' ? signers.find((s) => s.name === approverName) : undefined;
  return {
    issuer,
    authorityName: issuer === 'ubnd' ? settings.authorities.ubnd.name : settings.agency.name,
    signers,
    suggested: (approver ?? signers[0])?.name ?? null,
  };
}

export function licenceValues(record: DossierRecord, fields: Record<string, string>) {
  return {
    fieldValues: fields,
    holder: record.applicant_name,
    applicationDate: record.receipt_date,
    ...(fields.validUntil ? { validUntil: fields.validUntil } : {}),
  };
}

export async function missingLicenceFields(
  db: Sql,
  record: DossierRecord,
  settings: Settings,
  fields: Record<string, string>,
) {
  return findMissingLicenceFields(
    await licenceTemplateFor(db, record, settings),
    licenceValues(record, fields),
  );
}

/**
 * Who the licence names: the chosen signer of the issuing authority, else the suggested one. A Sở with no
 * signer configured falls back to the approving leader signing KT. (as before issue 12); the UBND never does —
 * issuing refuses first (perform-transition.ts).
 */
function signerFor(
  candidates: LicenceSigners,
  chosenName: string | null,
  approverName: string | null,
): { name: string; title: string | null; capacity: SignerCapacity } {
  const wanted = chosenName ?? candidates.suggested;
  const chosen = candidates.signers.find((s) => s.name === wanted);
  if (chosen) return { name: chosen.name, title: chosen.title, capacity: chosen.capacity };
  return { name: approverName ?? '', title: null, capacity: 'deputy' };
}

export interface IssuedLicence {
  id: number;
  formatted: string;
  /** The electronic licence stored at issue time ("bản điện tử của kết quả"). */
  result: { sha256: string; sizeBytes: number; fileName: string };
}

/**
 * Takes the next register number and records the licence. Must run inside the transaction that performs the
 * 'issue' transition: a rollback returns the number, so the register stays gapless (reliability.md §3.4).
 */
export async function issueLicence(
  db: Sql,
  args: {
    record: DossierRecord;
    settings: Settings;
    fields: Record<string, string>;
    approverName: string | null;
    /** The signer the văn thư chose on the issue screen (a name of the authority's signers), if any. */
    signerName?: string | null;
    issuedBy: number | null;
    now: { iso: string; date: string; offset: number };
    dataDir: string;
    fonts: FontSet;
  },
): Promise<IssuedLicence> {
  const { record, settings, now } = args;
  const template = await licenceTemplateFor(db, record, settings);
  const details = await versionDetails(db, record.procedure_version_id);
  const symbol = details.issuer === 'ubnd' ? 'UBND' : settings.agency.shortSymbol.toUpperCase();
  const seriesKey = `${SERIES_PREFIX[details.result_kind ?? 'giay_phep'] ?? 'GP'}-${symbol}`;
  const series = seriesFor(seriesKey, now.iso, now.offset);
  const goLive = (await db.get('SELECT start_number, start_year FROM licence_series WHERE series = ?', [
    seriesKey,
  ])) as { start_number: number; start_year: number | null } | undefined;
  const startAt = goLive && goLive.start_year === series.year ? goLive.start_number : 1;
  const n = await takeNext(db, series.counter, startAt);
  const formatted = formatLicenceNumber(settings.licensing.numberFormat, {
    n,
    year: series.year,
    symbol: seriesKey,
  });
  const signer = signerFor(
    await licenceSignersOf(db, record, settings, args.approverName),
    args.signerName ?? null,
    args.approverName,
  );
  const values = licenceValues(record, args.fields);
  const key = await activeSigningKey(db, args.dataDir, now.iso);
  const payload = signLicencePayload(
    {
      v: 1,
      no: formatted,
      holder: record.applicant_name,
      procedure: record.procedure_id,
      issuedOn: now.date,
      ...(values.validUntil ? { validUntil: values.validUntil } : {}),
      // As written in a sentence, with the province (issue 12 §4): 'Ủy ban nhân dân tỉnh Bắc Ninh'.
      issuer: template.authority.fullName ?? template.authority.issuingBody,
      ...(signer.name === '' ? {} : { signer: signer.name }),
      ...(signer.title === null ? {} : { signerTitle: signer.title }),
      keyId: key.keyId,
    },
    key.privateKeyPem,
  );
  // What is printed is exactly this snapshot: every later print rebuilds the PDF from it.
  const data: Omit<LicenceData, 'isCopy' | 'qr'> = {
    number: formatted,
    place: settings.agency.placeName,
    issueDate: now.date,
    signerName: signer.name,
    signerCapacity: signer.capacity,
    ...values,
  };
  // The electronic result is produced now, from this very snapshot, and stored before the register row so
  // that the row carries its hash. The PDF is deterministic (dates from the data, seeded font tags): the first
  // print of the original is byte-identical to it.
  const pdf = await buildLicencePdf(
    template,
    { ...data, isCopy: false, qr: { payloadText: payload } },
    args.fonts,
  );
  const stored = await new ContentStore(filesDirOf(args.dataDir)).putBytes(pdf);
  const result = await db.get<{ id: number }>(
    `INSERT INTO licences (dossier_id, series, year, number, formatted, issued_at, issued_by, holder, payload, content,
        result_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      record.id,
      seriesKey,
      series.year,
      n,
      formatted,
      now.iso,
      args.issuedBy,
      record.applicant_name,
      payload,
      JSON.stringify({ template, data }),
      stored.sha256,
    ],
  );
  return {
    id: result!.id,
    formatted,
    result: {
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      fileName: licenceFileName(formatted),
    },
  };
}

/** The download name of a licence PDF (also used by documents.licence). */
export function licenceFileName(formatted: string): string {
  return `Giay-phep-${formatted.replace(/[^\w-]+/g, '-')}.pdf`;
}

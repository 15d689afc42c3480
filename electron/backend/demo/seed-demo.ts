import type { Sql } from '../store/sql';
import type { Settings } from '../../../shared/api/schemas/settings';
import { formatDossierCode } from '../../../shared/domain/dossier-code';
import { parseIsoDate } from '../../../shared/domain/calendar';
import { foldVietnamese } from '../../../shared/domain/text-fold';
import { officeDate, toOfficeIso } from '../../../shared/domain/office-time';
import type { DossierStatus } from '../../../shared/domain/dossier-status';
import { listProcedures } from '../procedures/procedure-repo';
import { takeNext } from '../store/counters';
import { insertDossier } from '../dossiers/dossier-repo';
import { appendAudit } from '../audit/audit-chain';
import type { DeadlineService } from '../calendar/deadline-service';
import { createRandom, type Random } from './random';
import { address, citizenId, organizationName, personName, phoneNumber, taxCode } from './vietnamese-names';

// How often each procedure reaches a provincial desk (rough shares from provincial portal statistics:
// non-commercial publications and print-shop registrations dominate; press procedures are rare).
const PROCEDURE_WEIGHTS: Record<string, number> = {
  'XB-TLKKD': 34,
  'IN-DK': 14,
  'IN-DK-TD': 6,
  'PH-DK': 9,
  'PH-DK-LAI': 2,
  'IN-XBP-CAP': 4,
  'IN-XBP-CAPLAI': 1,
  'IN-GP-CAP': 2,
  'IN-GP-CAPLAI': 1,
  'IN-PHOTO-DK': 5,
  'IN-PHOTO-CN': 1,
  'PH-NK': 6,
  'PH-TL': 2,
  'BC-BT': 5,
  'BC-BT-TD': 2,
  'BC-HB-NN': 1,
  'BC-TB-NN': 1,
  'BC-DT-NN': 1,
  'IN-GC-SP': 1,
};

export interface SeedDemoOptions {
  count: number;
  seed: number;
  years: number;
  now: Date;
  settings: Settings;
  deadlines: DeadlineService;
  actor: { id: string; name: string };
  appVersion: string;
  onProgress?: (done: number) => void;
  batchSize?: number;
}

/**
 * Fills the store with realistic, clearly-labelled demo dossiers spread over the last `years` years of
 * working days. Older dossiers are finished (mostly early or on time, a few late, some refused or withdrawn);
 * recent ones are still open. One audit entry per batch records that demo data was generated.
 */
export async function seedDemo(db: Sql, options: SeedDemoOptions): Promise<number> {
  const random = createRandom(options.seed);
  const offset = options.settings.office.utcOffsetMinutes;
  const today = officeDate(options.now, offset);
  const procedures = (await listProcedures(db, today)).filter(
    (p) => p.isConfigured && p.deadlineUnit !== 'h' && PROCEDURE_WEIGHTS[p.id] !== undefined,
  );
  const weighted = procedures.map((p) => [p, PROCEDURE_WEIGHTS[p.id] ?? 1] as const);
  const startMs = options.now.getTime() - options.years * 365.25 * 86_400_000;
  const spanMs = options.now.getTime() - startMs;
  const batchSize = options.batchSize ?? 5000;
  // Receipt instants in time order, so codes and register numbers rise with the dates as in a real office.
  const instants = Array.from({ length: options.count }, () => startMs + random.next() * spanMs).sort(
    (a, b) => a - b,
  );

  let done = 0;
  while (done < options.count) {
    const end = Math.min(done + batchSize, options.count);
    await db.transaction(async () => {
      let firstCode = '';
      let lastCode = '';
      for (let i = done; i < end; i += 1) {
        const code = await insertOne(db, random, options, weighted, today, instants[i] as number, offset);
        if (i === done) firstCode = code;
        lastCode = code;
      }
      await appendAudit(db, {
        at: toOfficeIso(options.now, offset),
        actorId: options.actor.id,
        actorName: options.actor.name,
        action: 'demo.seed',
        entityType: 'dossier',
        entityId: `${firstCode}..${lastCode}`,
        payload: { count: end - done, seed: options.seed },
        appVersion: options.appVersion,
      });
    });
    done = end;
    options.onProgress?.(done);
  }
  return done;
}

async function insertOne(
  db: Sql,
  random: Random,
  options: SeedDemoOptions,
  weighted: ReadonlyArray<readonly [Awaited<ReturnType<typeof listProcedures>>[number], number]>,
  today: string,
  rawMs: number,
  offset: number,
): Promise<string> {
  const procedure = random.weighted(weighted);
  // Receipts happen in office hours: move the instant to 07:30–16:30 office time on its day.
  const day = officeDate(new Date(rawMs), offset);
  const minutes = 7 * 60 + 30 + random.int(0, 9 * 60);
  const receivedMs =
    Date.parse(`${day}T00:00:00Z`) - offset * 60_000 + minutes * 60_000 + random.int(0, 59) * 1000;
  const receivedAt = toOfficeIso(new Date(receivedMs), offset);
  const amount = procedure.deadline as number;
  const unit = procedure.deadlineUnit as 'wd' | 'cd';
  const due = options.deadlines.computeForReceipt({
    receivedAt,
    amount,
    unit,
    pauseMode: procedure.pauseMode,
  });
  const isOrganization = random.next() < 0.75;
  const name = isOrganization ? organizationName(random) : personName(random);
  const isPast = due.dueDate < today;
  let status: DossierStatus;
  if (isPast) {
    status = random.weighted([
      ['returned', 88],
      ['refused', 5],
      ['withdrawn', 3],
      ['stopped', 1],
      ['appraising', 0.5],
    ] as const);
  } else {
    status = random.weighted([
      ['received', 30],
      ['appraising', 40],
      ['awaiting_supplement', 12],
      ['pending_signature', 12],
      ['approved', 6],
    ] as const);
  }
  const sequence = await takeNext(db, `dossier-code:${day}`);
  const code = formatDossierCode(options.settings.agency.agencyCode, day, sequence);
  const components = procedure.components.map((c) => ({
    name: c.name,
    copies: c.copies,
    isProvided: c.required || random.next() < 0.5,
    isOriginal: c.original,
  }));
  const id = await insertDossier(db, {
    code,
    request_id: null,
    procedure_id: procedure.id,
    procedure_version_id: procedure.versionId,
    applicant_kind: isOrganization ? 'organization' : 'individual',
    applicant_name: name,
    applicant_folded: foldVietnamese(name),
    applicant_id_number: isOrganization ? taxCode(random) : citizenId(random),
    applicant_address: address(random),
    applicant_phone: phoneNumber(random),
    applicant_email: null,
    channel: random.weighted([
      ['direct', 55],
      ['online', 35],
      ['post', 10],
    ] as const),
    received_at: receivedAt,
    received_ms: receivedMs,
    receipt_date: day,
    count_from: due.countFrom,
    deadline_amount: amount,
    deadline_unit: unit,
    due_date: due.dueDate,
    due_at: due.dueAt,
    due_ms: Date.parse(due.dueAt),
    status,
    set_count: 1,
    components: JSON.stringify(components),
    return_method: random.next() < 0.85 ? 'desk' : 'post',
    notes: 'Dữ liệu minh họa (seed-demo)',
    receiver_name: options.settings.receiverName ?? options.actor.name,
    register_entry_no: await takeNext(db, `register:${day.slice(0, 4)}`),
    created_at: receivedAt,
  });
  // A dossier waiting for a supplement has an open pause and, as in the workflow, no due date meanwhile.
  if (status === 'awaiting_supplement') {
    const requestDay = options.deadlines.shiftWorkingDays(due.countFrom, random.int(0, 2));
    const requestedAt = `${requestDay > today ? today : requestDay}T10:00:00${toOfficeIso(new Date(0), offset).slice(19)}`;
    await db.run(
      'INSERT INTO dossier_pauses (dossier_id, requested_at, resumed_at, reason, requested_by) VALUES (?, ?, NULL, ?, ?)',
      [
        id,
        requestedAt < receivedAt ? receivedAt : requestedAt,
        'Thiếu thành phần hồ sơ (dữ liệu minh họa)',
        options.actor.id,
      ],
    );
    await db.run(
      'UPDATE dossiers SET due_date = NULL, due_at = NULL, due_ms = NULL, supplement_requests = 1 WHERE id = ?',
      [id],
    );
  }
  // Finished dossiers (Đã xử lý xong, returned, refused, withdrawn, stopped) carry their completion, as the
  // workflow records it; open ones do not.
  if (['returned', 'refused', 'withdrawn', 'stopped', 'approved'].includes(status)) {
    const lateness = random.weighted([
      [-3, 30],
      [-1, 40],
      [0, 22],
      [2, 8],
    ] as const);
    const shifted = options.deadlines.shiftWorkingDays(due.dueDate, lateness);
    // Never finished before counting started (a short deadline leaves little room to be early) nor after today.
    const earliest = shifted < due.countFrom ? due.countFrom : shifted;
    const completedDate = earliest > today ? today : earliest;
    const completionClass =
      completedDate < due.dueDate ? 'early' : completedDate === due.dueDate ? 'on_time' : 'late';
    const completedAt = `${completedDate}T15:00:00${toOfficeIso(new Date(0), offset).slice(19)}`;
    const workingDays = options.deadlines.calendar.workingDaysBetween(
      parseIsoDate(day),
      parseIsoDate(completedDate),
    );
    await db.run(
      'UPDATE dossiers SET completed_at = ?, completed_ms = ?, completion_class = ?, processing_working_days = ? WHERE id = ?',
      [completedAt, Date.parse(completedAt), completionClass, workingDays, id],
    );
  }
  return code;
}

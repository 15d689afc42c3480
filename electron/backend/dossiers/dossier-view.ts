import type { DossierDetail, DossierRow } from '../../../shared/api/schemas/dossiers';
import { openStatuses } from '../../../shared/domain/dossier-status';
import type { ClockPause } from '../../../shared/domain/deadline';
import type { DossierRecord } from './dossier-repo';
import type { DeadlineService } from '../calendar/deadline-service';

export interface ViewClock {
  /** Office-local date. */
  today: string;
  /** Office-local instant (ISO with offset). */
  now: string;
}

function ruleOf(record: DossierRecord, pauses: readonly ClockPause[]) {
  return {
    receivedAt: record.received_at,
    amount: record.deadline_amount,
    unit: record.deadline_unit,
    pauseMode: record.pause_mode,
    pauses,
    // Set on dossiers completed before a newer pause rule was adopted: they are explained as classified.
    pauseRule: record.pause_rule,
  };
}

/**
 * `pauses` is needed only for a dossier waiting for a supplement (to say how long the clock has stood);
 * every other open dossier is judged on its stored due date.
 */
export function toRow(
  record: DossierRecord,
  deadlines: DeadlineService,
  clock: ViewClock,
  pauses: readonly ClockPause[] = [],
): DossierRow {
  const isOpen = openStatuses.includes(record.status);
  let workingDaysLeft: number | null = null;
  let pausedWorkingDays: number | null = null;
  let timeliness: DossierRow['timeliness'] = record.completion_class;
  const openPause = pauses.length > 0 && pauses[pauses.length - 1]?.to === null;
  if (isOpen && openPause) {
    const outcome = deadlines.outcome(ruleOf(record, pauses), clock.now);
    timeliness = 'paused';
    pausedWorkingDays = outcome.state === 'paused' ? outcome.pausedWorkingDays : null;
  } else if (isOpen && record.due_date) {
    const standing = deadlines.standing(clock.today, record.due_date);
    workingDaysLeft = standing.workingDaysLeft;
    timeliness = standing.timeliness;
  }
  return {
    id: record.id,
    code: record.code,
    procedureId: record.procedure_id,
    procedureCode: record.procedure_code,
    procedureName: record.procedure_name,
    applicantName: record.applicant_name,
    applicantKind: record.applicant_kind,
    channel: record.channel,
    status: record.status,
    receivedAt: record.received_at,
    dueDate: record.due_date,
    dueAt: record.due_at,
    workingDaysLeft,
    timeliness,
    pausedWorkingDays,
    version: record.version,
    scansMissing: Math.max(0, (record.scans_required ?? 0) - (record.scans_attached ?? 0)),
  };
}

export function toDetail(
  record: DossierRecord,
  deadlines: DeadlineService,
  clock: ViewClock,
  pauses: readonly ClockPause[],
  possibleDuplicates: DossierDetail['possibleDuplicates'],
): DossierDetail {
  return {
    ...toRow(record, deadlines, clock, pauses),
    applicant: {
      kind: record.applicant_kind,
      name: record.applicant_name,
      idNumber: record.applicant_id_number,
      address: record.applicant_address,
      phone: record.applicant_phone,
      email: record.applicant_email,
    },
    components: JSON.parse(record.components) as DossierDetail['components'],
    setCount: record.set_count,
    returnMethod: record.return_method,
    notes: record.notes,
    countFrom: record.count_from,
    deadline: { amount: record.deadline_amount, unit: record.deadline_unit },
    ledger: deadlines.explain(ruleOf(record, pauses), clock.now).ledger,
    receiverName: record.receiver_name,
    registerEntryNo: record.register_entry_no,
    possibleDuplicates,
  };
}

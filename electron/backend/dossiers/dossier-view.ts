import type { DossierDetail, DossierRow } from '../../../shared/api/schemas/dossiers';
import { openStatuses } from '../../../shared/domain/dossier-status';
import type { DossierRecord } from './dossier-repo';
import type { DeadlineService } from '../calendar/deadline-service';

export function toRow(record: DossierRecord, deadlines: DeadlineService, todayIso: string): DossierRow {
  const isOpen = openStatuses.includes(record.status);
  let workingDaysLeft: number | null = null;
  let timeliness: DossierRow['timeliness'] = record.completion_class;
  if (isOpen && record.status === 'awaiting_supplement') {
    timeliness = 'paused';
  } else if (isOpen && record.due_date) {
    const standing = deadlines.standing(todayIso, record.due_date);
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
    version: record.version,
  };
}

export function toDetail(
  record: DossierRecord,
  deadlines: DeadlineService,
  todayIso: string,
  possibleDuplicates: DossierDetail['possibleDuplicates'],
): DossierDetail {
  return {
    ...toRow(record, deadlines, todayIso),
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
    ledger: deadlines.explain({
      receivedAt: record.received_at,
      amount: record.deadline_amount,
      unit: record.deadline_unit,
      pauseMode: record.pause_mode,
    }),
    receiverName: record.receiver_name,
    registerEntryNo: record.register_entry_no,
    possibleDuplicates,
  };
}

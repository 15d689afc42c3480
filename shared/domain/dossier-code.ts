// Mã hồ sơ as seen in one-stop practice: `<mã định danh cơ quan>-<yymmdd>-<số thứ tự 4 chữ số>`
// (domain.md §2.2, e.g. 000.00.14.H20-200703-0002). The sequence restarts every receipt day.

export const MAX_DAILY_SEQUENCE = 9999;

export function formatDossierCode(agencyCode: string, receiptDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`Daily dossier sequence out of range: ${sequence}`);
  }
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(receiptDate);
  if (!match) throw new RangeError(`Receipt date must be YYYY-MM-DD: ${receiptDate}`);
  const [, yy, mm, dd] = match;
  return `${agencyCode}-${yy}${mm}${dd}-${String(sequence).padStart(4, '0')}`;
}

/** Agency codes are printed on receipts and typed into portals: keep them to safe characters. */
export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9.]{1,30}$/;

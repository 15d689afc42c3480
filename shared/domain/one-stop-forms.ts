// The one-stop form set is versioned like every other legal parameter (domain.md §0, §2.1): TT 01/2018/TT-VPCP
// guided NĐ 61/2018 until NĐ 118/2025/NĐ-CP replaced it on 01/7/2025. The form set reported for NĐ 118/2025
// (TT 03/2025/TT-VPCP, renumbered) could not be verified, so the later entry names only the decree and the
// form by name — an administrator can correct it once the circular is confirmed.

export const oneStopForms = [
  'receipt',
  'supplementRequest',
  'refusal',
  'apology',
  'controlSheet',
  'register',
] as const;
export type OneStopForm = (typeof oneStopForms)[number];

export interface OneStopFormSet {
  effectiveFrom: string;
  effectiveTo: string | null;
  refs: Record<OneStopForm, string>;
  isVerified: boolean;
}

const TT_01_2018 = 'Thông tư số 01/2018/TT-VPCP';
const ND_118_2025 = 'Nghị định số 118/2025/NĐ-CP';

export const ONE_STOP_FORM_SETS: readonly OneStopFormSet[] = [
  {
    effectiveFrom: '2018-12-01',
    effectiveTo: '2025-07-01',
    refs: {
      receipt: `Mẫu số 01 – ${TT_01_2018}`,
      supplementRequest: `Mẫu số 02 – ${TT_01_2018}`,
      refusal: `Mẫu số 03 – ${TT_01_2018}`,
      apology: `Mẫu số 04 – ${TT_01_2018}`,
      controlSheet: `Mẫu số 05 – ${TT_01_2018}`,
      register: `Mẫu số 06 – ${TT_01_2018}`,
    },
    isVerified: true,
  },
  {
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    refs: {
      receipt: `Mẫu số 01 – theo ${ND_118_2025}`,
      supplementRequest: `Phiếu yêu cầu bổ sung – theo ${ND_118_2025}`,
      refusal: `Phiếu từ chối – theo ${ND_118_2025}`,
      apology: `Văn bản xin lỗi – theo ${ND_118_2025}`,
      controlSheet: `Phiếu kiểm soát – theo ${ND_118_2025}`,
      register: `Sổ theo dõi hồ sơ – theo ${ND_118_2025}`,
    },
    isVerified: false,
  },
];

/** The form set in force on an office-local date (YYYY-MM-DD); the oldest applies before the first. */
export function formSetOn(date: string): OneStopFormSet {
  const found = ONE_STOP_FORM_SETS.find(
    (f) => f.effectiveFrom <= date && (f.effectiveTo === null || date < f.effectiveTo),
  );
  return found ?? (ONE_STOP_FORM_SETS[0] as OneStopFormSet);
}

export function formRefOn(form: OneStopForm, date: string): string {
  return formSetOn(date).refs[form];
}

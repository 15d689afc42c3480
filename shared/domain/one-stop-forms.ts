// The one-stop form set is versioned like every other legal parameter (domain.md §0, §2.1): TT 01/2018/TT-VPCP
// guided NĐ 61/2018 until NĐ 118/2025/NĐ-CP replaced it on 01/7/2025. The form set reported for NĐ 118/2025
// (TT 03/2025/TT-VPCP) could not be verified, so the later entry names only the decree.

export interface OneStopFormSet {
  effectiveFrom: string;
  effectiveTo: string | null;
  receipt: string;
  isVerified: boolean;
}

export const ONE_STOP_FORM_SETS: readonly OneStopFormSet[] = [
  {
    effectiveFrom: '2018-12-01',
    effectiveTo: '2025-07-01',
    receipt: 'Mẫu số 01 – Thông tư số 01/2018/TT-VPCP',
    isVerified: true,
  },
  {
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    receipt: 'Mẫu số 01 – theo Nghị định số 118/2025/NĐ-CP',
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

// Dossier states of the one-stop workflow (domain.md §2.3). Labels are what the desk prints and shows.

export const dossierStatuses = [
  'received',
  'appraising',
  'awaiting_supplement',
  'pending_signature',
  'approved',
  'refused',
  'returned',
  'withdrawn',
  'stopped',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const dossierStatusLabels: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  appraising: 'Đang thẩm định',
  awaiting_supplement: 'Chờ bổ sung',
  pending_signature: 'Trình ký',
  approved: 'Đã phê duyệt',
  refused: 'Từ chối',
  returned: 'Đã trả kết quả',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng xử lý',
};

/** States in which the legal clock still matters (the dossier is not finished). */
export const openStatuses: readonly DossierStatus[] = [
  'received',
  'appraising',
  'awaiting_supplement',
  'pending_signature',
];

export const channels = ['direct', 'post', 'online'] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<Channel, string> = {
  direct: 'Trực tiếp',
  post: 'Bưu chính',
  online: 'Trực tuyến',
};

export const applicantKinds = ['organization', 'individual'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];
export const applicantKindLabels: Record<ApplicantKind, string> = {
  organization: 'Tổ chức',
  individual: 'Cá nhân',
};

/** Vietnamese names of the electronic results a dossier can carry. */
export const RESULT_KIND_LABELS = {
  licence: 'Giấy phép (bản điện tử)',
  refusal_notice: 'Văn bản từ chối (bản điện tử)',
  stop_notice: 'Thông báo dừng xử lý (bản điện tử)',
} as const;

import type { CertificateChangedError } from './pinned-agent';

/** The Vietnamese words the desktop client uses for its link to the office server (banner and refusals). */
export const connectionMessages = {
  offline:
    'Mất kết nối với máy chủ của cơ quan. Đang thử kết nối lại… Thao tác đang gửi sẽ được gửi lại, không bị ghi hai lần.',
  gaveUp:
    'Không kết nối được máy chủ của cơ quan sau nhiều lần thử. Thao tác vừa rồi có thể chưa được lưu: khi có kết nối, hãy tải lại hồ sơ để kiểm tra trước khi làm lại.',
  certificateChanged: (error: CertificateChangedError) =>
    'Máy chủ đang dùng một chứng chỉ khác với chứng chỉ đã xác nhận, nên LicenceDesk không gửi dữ liệu đến đó ' +
    `(đã xác nhận SHA-256 ${error.expected.slice(0, 23)}…, máy chủ trình ${error.presented.slice(0, 23)}…). ` +
    'Có thể máy chủ vừa được cài lại hoặc đây không phải máy chủ của cơ quan. Hãy hỏi quản trị viên mã chứng chỉ ' +
    'mới và kết nối lại.',
} as const;

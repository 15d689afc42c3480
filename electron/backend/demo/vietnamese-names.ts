import type { Random } from './random';

// Frequencies roughly follow published surname shares (Nguyễn ~38%, Trần ~11%, Lê ~9.5% …); both tone-mark
// placements ("Hòa"/"Hoà", "Thủy"/"Thuỷ") occur, as they do on real paperwork.
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đào', 0.5],
  ['Đoàn', 0.5],
  ['Trịnh', 0.4],
  ['Lương', 0.3],
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Công', 'Thành', 'Xuân', 'Đình', 'Ngọc'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Bích', 'Hồng', 'Kim', 'Phương', 'Mai'];
const GIVEN_MALE = [
  'An',
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Dung',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hòa',
  'Hoà',
  'Hùng',
  'Huy',
  'Khánh',
  'Khoa',
  'Long',
  'Nam',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Thịnh',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
];
const GIVEN_FEMALE = [
  'Anh',
  'Châu',
  'Diệp',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hoa',
  'Hòa',
  'Hương',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thảo',
  'Thủy',
  'Thuỷ',
  'Trang',
  'Tuyết',
  'Yến',
];

const ORG_FORMS = [
  'Công ty TNHH',
  'Công ty cổ phần',
  'Công ty TNHH MTV',
  'Doanh nghiệp tư nhân',
  'Hợp tác xã',
];
const ORG_TRADES = [
  'In',
  'Sách',
  'Văn hóa phẩm',
  'Truyền thông',
  'Phát hành sách',
  'Bao bì và In',
  'Quảng cáo',
  'Thiết bị văn phòng',
  'Thiết kế và In ấn',
  'Văn phòng phẩm',
];
const ORG_NAMES = [
  'Hưng Thịnh',
  'Kinh Bắc',
  'Thuận Thành',
  'Đông Á',
  'Minh Khai',
  'Hoàng Long',
  'Phúc An',
  'Sao Việt',
  'Trường Giang',
  'Quế Võ',
  'Từ Sơn',
  'Bắc Hà',
  'Ánh Dương',
  'Tân Phát',
  'Đại Việt',
  'Hòa Bình',
  'Hoà Phát',
  'Thủy Tiên',
];
const PUBLIC_BODIES = [
  'Trường Đại học',
  'Bệnh viện Đa khoa',
  'Hội Nông dân',
  'Hội Văn học Nghệ thuật',
  'Liên đoàn Lao động',
  'Hội Cựu chiến binh',
  'Trung tâm Văn hóa',
  'Ban Quản lý di tích',
  'Hội Khuyến học',
  'Đoàn Thanh niên',
];

const WARDS = [
  'phường Kinh Bắc',
  'phường Võ Cường',
  'phường Từ Sơn',
  'phường Đồng Nguyên',
  'xã Thuận Thành',
  'xã Quế Võ',
  'xã Tiên Du',
  'phường Bắc Giang',
  'phường Đa Mai',
  'xã Lục Nam',
  'xã Yên Thế',
  'phường Chũ',
];
const STREETS = [
  'Nguyễn Trãi',
  'Lý Thái Tổ',
  'Trần Hưng Đạo',
  'Ngô Gia Tự',
  'Lê Thánh Tông',
  'Hai Bà Trưng',
  'Nguyễn Văn Cừ',
  'Hoàng Hoa Thám',
  'Xương Giang',
  'Thân Nhân Trung',
];

export function personName(random: Random): string {
  const isFemale = random.next() < 0.5;
  const surname = random.weighted(SURNAMES);
  const middle = random.pick(isFemale ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = random.pick(isFemale ? GIVEN_FEMALE : GIVEN_MALE);
  return `${surname} ${middle} ${given}`;
}

export function organizationName(random: Random): string {
  if (random.next() < 0.25) return `${random.pick(PUBLIC_BODIES)} ${random.pick(ORG_NAMES)}`;
  return `${random.pick(ORG_FORMS)} ${random.pick(ORG_TRADES)} ${random.pick(ORG_NAMES)}`;
}

export function address(random: Random): string {
  return `Số ${random.int(1, 320)} đường ${random.pick(STREETS)}, ${random.pick(WARDS)}, tỉnh Bắc Ninh`;
}

export function phoneNumber(random: Random): string {
  return `0${random.pick(['9', '8', '3', '7'])}${String(random.int(10_000_000, 99_999_999))}`;
}

export function taxCode(random: Random): string {
  return `2300${String(random.int(100_000, 999_999))}`;
}

export function citizenId(random: Random): string {
  return `0270${random.int(0, 9)}${String(random.int(1_000_000, 9_999_999))}`;
}

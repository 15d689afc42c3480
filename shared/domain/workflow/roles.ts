// The people at a provincial department's one-stop desk and behind it (issue 4 §2). A user may hold several
// roles (a small office's clerk is often also its văn thư); a permission holds when any one role grants it.

export const roles = ['clerk', 'appraiser', 'unit_leader', 'director', 'admin'] as const;
export type Role = (typeof roles)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: 'Tiếp nhận, văn thư',
  appraiser: 'Chuyên viên thẩm định',
  unit_leader: 'Lãnh đạo phòng',
  director: 'Lãnh đạo Sở',
  admin: 'Quản trị hệ thống',
};

/**
 * The roles that may sign a decision (approve/refuse). A Sở works under chế độ thủ trưởng (NĐ 30/2020
 * Điều 13 k1): the director signs, deputies sign "KT." — both are `director` here. A unit head signs only by
 * written delegation (TL./TUQ., Điều 13 k3–4), so `unit_leader` signs only when the office's setting says so.
 */
export const signerRoles = ['director', 'unit_leader'] as const;
export type SignerRole = (typeof signerRoles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** "Chuyên viên thẩm định, Lãnh đạo phòng" — for messages; unknown strings are skipped. */
export function roleListLabel(list: readonly string[]): string {
  const known = list.filter(isRole);
  return known.length === 0 ? 'chưa được gán vai trò' : known.map((r) => ROLE_LABELS[r]).join(', ');
}

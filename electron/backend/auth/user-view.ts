import type { UserView } from '../../../shared/api/schemas/users';
import { rolesOf, type UserRecord } from './user-repo';
import type { SessionUser } from './session-store';

export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    title: user.title,
    roles: rolesOf(user),
    isActive: user.is_active === 1,
    mustChangePassword: user.must_change_password === 1,
    version: user.version,
  };
}

export function toSessionUser(user: UserRecord): SessionUser {
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    roles: rolesOf(user),
    mustChangePassword: user.must_change_password === 1,
  };
}

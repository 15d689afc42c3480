import type { Caller } from '../../electron/backend/context';
import type { Role } from '../../shared/domain/workflow/roles';
import type { TestBackend } from './test-backend';

export interface TestUser {
  id: number;
  caller: Caller;
  /** Signs in again (a fake clock jump past the idle timeout ends sessions, as it would at a real desk). */
  relogin(): Promise<void>;
}

/** Creates an account through the API (as the trusted test caller), logs in and replaces the temporary password. */
export async function makeUser(
  t: TestBackend,
  username: string,
  fullName: string,
  roles: Role[],
): Promise<TestUser> {
  const created = await t.call('users.create', {
    username,
    fullName,
    title: null,
    roles,
    temporaryPassword: 'mat-khau-tam-thoi',
  });
  const login = await t.raw(
    'auth.login',
    { username, password: 'mat-khau-tam-thoi' },
    { sessionToken: null },
  );
  if (!login.ok) throw new Error(`login failed for ${username}: ${login.error.message}`);
  const caller: Caller = { sessionToken: (login.data as { sessionToken: string }).sessionToken };
  const changed = await t.raw(
    'auth.changePassword',
    { currentPassword: 'mat-khau-tam-thoi', newPassword: `${username}-mat-khau-moi` },
    caller,
  );
  if (!changed.ok) throw new Error(`password change failed for ${username}`);
  const user: TestUser = {
    id: created.id,
    caller,
    async relogin() {
      const again = await t.raw(
        'auth.login',
        { username, password: `${username}-mat-khau-moi` },
        { sessionToken: null },
      );
      if (!again.ok) throw new Error(`relogin failed for ${username}: ${again.error.message}`);
      user.caller = { sessionToken: (again.data as { sessionToken: string }).sessionToken };
    },
  };
  return user;
}

/** The three people of a normal dossier's life, plus a unit leader who assigns (`prefix` keeps names apart). */
export async function makeOffice(t: TestBackend, prefix = '') {
  return {
    clerk: await makeUser(t, `${prefix}vt.lan`, 'Nguyễn Thị Lan', ['clerk']),
    leader: await makeUser(t, `${prefix}tp.binh`, 'Trần Văn Bình', ['unit_leader']),
    appraiser: await makeUser(t, `${prefix}cv.hoa`, 'Lê Thị Hoà', ['appraiser']),
    director: await makeUser(t, `${prefix}pgd.dung`, 'Phạm Quốc Dũng', ['director']),
  };
}

/** Moves the fake clock and signs everyone in again, as the next working day at the desk would. */
export async function advanceTo(
  t: TestBackend,
  office: Record<string, TestUser>,
  iso: string,
): Promise<void> {
  t.clock.set(iso);
  for (const user of Object.values(office)) await user.relogin();
}

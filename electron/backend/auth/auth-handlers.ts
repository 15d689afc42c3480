import type { Handlers } from '../dispatch';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { recordAudit } from '../audit/record-audit';
import { officeNow } from '../office-clock';
import { hashPassword, verifyPassword } from './password';
import { findUser, findUserByName, setPassword } from './user-repo';
import { toUserView } from './user-view';

const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';

async function requireUser(ctx: BackendContext, session: CallSession) {
  const user = session.userId === null ? null : await findUser(ctx.db, session.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc không hợp lệ. Vui lòng đăng nhập lại.');
  return user;
}

export const authHandlers = {
  'auth.login': async (input, ctx, session) => {
    const address = session.clientAddress;
    const lockedMs = ctx.loginThrottle.lockedForMs(input.username, address);
    if (lockedMs > 0) {
      throw new AppError(
        'FORBIDDEN',
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(lockedMs / 1000)} giây.`,
        { logMessage: `login throttled for ${input.username} from ${address ?? 'local'}` },
      );
    }
    const user = await findUserByName(ctx.db, input.username);
    // Always run scrypt, so that an unknown name takes as long as a wrong password.
    const isValid = await verifyPassword(input.password, user?.password_hash ?? 'scrypt$15$8$1$AAAA$AAAA');
    if (!user || !isValid || user.is_active !== 1) {
      ctx.loginThrottle.fail(input.username, address);
      throw new AppError('UNAUTHENTICATED', WRONG_LOGIN, {
        logMessage: `failed login for ${input.username} from ${address ?? 'local'}`,
      });
    }
    ctx.loginThrottle.succeed(input.username);
    const sessionToken = await ctx.db.transaction(async () => {
      const token = await ctx.sessions.create(user.id, address);
      await recordAudit(
        ctx,
        {
          actor: { id: `user:${user.id}`, name: user.full_name, roles: [] },
          userId: user.id,
          sessionToken: null,
          clientAddress: address,
        },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          payload: address ? { username: user.username, address } : { username: user.username },
        },
      );
      return token;
    });
    return { sessionToken, user: toUserView(user) };
  },

  'auth.logout': async (_input, ctx, session) => {
    if (session.sessionToken) await ctx.sessions.end(session.sessionToken);
    return { ok: true as const };
  },

  'auth.me': async (_input, ctx, session) => toUserView(await requireUser(ctx, session)),

  'auth.changePassword': async (input, ctx, session) => {
    const user = await requireUser(ctx, session);
    if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', {
        fieldErrors: { currentPassword: 'Mật khẩu hiện tại không đúng.' },
        logMessage: `wrong current password for ${user.username}`,
      });
    }
    const hash = await hashPassword(input.newPassword);
    await ctx.db.transaction(async () => {
      await setPassword(ctx.db, user.id, hash, false, (await officeNow(ctx)).iso);
      await recordAudit(ctx, session, {
        action: 'auth.changePassword',
        entityType: 'user',
        entityId: user.id,
        payload: { username: user.username },
      });
    });
    if (user.is_bootstrap === 1) ctx.bootstrap = null;
    // Every other session of this account ends: whoever knew the old password is out.
    if (session.sessionToken) await ctx.sessions.endAllFor(user.id, session.sessionToken);
    const updated = await findUser(ctx.db, user.id);
    if (!updated) throw new Error('user vanished');
    return toUserView(updated);
  },
} satisfies Pick<Handlers, 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'>;

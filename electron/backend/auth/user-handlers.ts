import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { recordAudit } from '../audit/record-audit';
import { officeNow } from '../office-clock';
import { hashPassword } from './password';
import { findUser, findUserByName, insertUser, listUsers, setPassword, updateUser } from './user-repo';
import { toUserView } from './user-view';

async function mustFind(ctx: Parameters<Handlers['users.list']>[1], id: number) {
  const user = await findUser(ctx.db, id);
  if (!user)
    throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.', { logMessage: `user ${id} not found` });
  return user;
}

async function refuseTakenUsername(ctx: Parameters<Handlers['users.list']>[1], username: string) {
  if (await findUserByName(ctx.db, username)) {
    throw new AppError('VALIDATION_FAILED', 'Tên đăng nhập đã có người dùng.', {
      fieldErrors: { username: 'Tên đăng nhập đã có người dùng.' },
      logMessage: `username taken: ${username}`,
    });
  }
}

export const userHandlers = {
  'users.list': async (_input, ctx) => (await listUsers(ctx.db)).map(toUserView),

  'users.create': async (input, ctx, session) => {
    await refuseTakenUsername(ctx, input.username);
    const passwordHash = await hashPassword(input.temporaryPassword);
    const id = await ctx.db.transaction(async () => {
      // Again under the write lock: two administrators may create the same name at once.
      await refuseTakenUsername(ctx, input.username);
      const newId = await insertUser(ctx.db, {
        username: input.username,
        fullName: input.fullName,
        title: input.title,
        roles: input.roles,
        passwordHash,
        mustChangePassword: true,
        isBootstrap: false,
        now: (await officeNow(ctx)).iso,
      });
      await recordAudit(ctx, session, {
        action: 'users.create',
        entityType: 'user',
        entityId: newId,
        payload: { username: input.username, fullName: input.fullName, roles: input.roles },
      });
      return newId;
    });
    return toUserView(await mustFind(ctx, id));
  },

  'users.update': async (input, ctx, session) => {
    const before = await mustFind(ctx, input.id);
    if (input.id === session.userId && (!input.isActive || !input.roles.includes('admin'))) {
      throw new AppError('VALIDATION_FAILED', 'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.', {
        logMessage: 'admin tried to lock themselves out',
      });
    }
    await ctx.db.transaction(async () => {
      const changed = await updateUser(ctx.db, input.id, { ...input, now: (await officeNow(ctx)).iso });
      if (!changed) {
        throw new AppError('CONFLICT', 'Tài khoản đã được người khác sửa. Vui lòng tải lại rồi thử lại.', {
          logMessage: `stale user version ${input.version}`,
        });
      }
      await recordAudit(ctx, session, {
        action: 'users.update',
        entityType: 'user',
        entityId: input.id,
        payload: {
          before: {
            fullName: before.full_name,
            roles: JSON.parse(before.roles) as unknown,
            isActive: before.is_active === 1,
          },
          after: { fullName: input.fullName, roles: input.roles, isActive: input.isActive },
        },
      });
    });
    const after = await mustFind(ctx, input.id);
    // Nothing to do for the account's open sessions: every call reads the account with its session, so new
    // roles apply and a deactivated account is refused (and told why) at its next call.
    return toUserView(after);
  },

  'users.resetPassword': async (input, ctx, session) => {
    const user = await mustFind(ctx, input.id);
    const hash = await hashPassword(input.temporaryPassword);
    await ctx.db.transaction(async () => {
      await setPassword(ctx.db, user.id, hash, true, (await officeNow(ctx)).iso);
      await recordAudit(ctx, session, {
        action: 'users.resetPassword',
        entityType: 'user',
        entityId: user.id,
        payload: { username: user.username },
      });
    });
    await ctx.sessions.endAllFor(user.id);
    return toUserView(await mustFind(ctx, user.id));
  },
} satisfies Pick<Handlers, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'>;

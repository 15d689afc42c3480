import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { recordAudit } from '../audit/record-audit';
import { officeNow } from '../office-clock';
import { hashPassword } from './password';
import { findUser, findUserByName, insertUser, listUsers, setPassword, updateUser } from './user-repo';
import { toSessionUser, toUserView } from './user-view';

function mustFind(ctx: Parameters<Handlers['users.list']>[1], id: number) {
  const user = findUser(ctx.db, id);
  if (!user)
    throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.', { logMessage: `user ${id} not found` });
  return user;
}

export const userHandlers = {
  'users.list': async (_input, ctx) => listUsers(ctx.db).map(toUserView),

  'users.create': async (input, ctx, session) => {
    if (findUserByName(ctx.db, input.username)) {
      throw new AppError('VALIDATION_FAILED', 'Tên đăng nhập đã có người dùng.', {
        fieldErrors: { username: 'Tên đăng nhập đã có người dùng.' },
        logMessage: `username taken: ${input.username}`,
      });
    }
    const passwordHash = await hashPassword(input.temporaryPassword);
    const id = ctx.db
      .transaction(() => {
        const newId = insertUser(ctx.db, {
          username: input.username,
          fullName: input.fullName,
          title: input.title,
          roles: input.roles,
          passwordHash,
          mustChangePassword: true,
          isBootstrap: false,
          now: officeNow(ctx).iso,
        });
        recordAudit(ctx, session, {
          action: 'users.create',
          entityType: 'user',
          entityId: newId,
          payload: { username: input.username, fullName: input.fullName, roles: input.roles },
        });
        return newId;
      })
      .immediate();
    return toUserView(mustFind(ctx, id));
  },

  'users.update': async (input, ctx, session) => {
    const before = mustFind(ctx, input.id);
    if (input.id === session.userId && (!input.isActive || !input.roles.includes('admin'))) {
      throw new AppError('VALIDATION_FAILED', 'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.', {
        logMessage: 'admin tried to lock themselves out',
      });
    }
    ctx.db
      .transaction(() => {
        const changed = updateUser(ctx.db, input.id, { ...input, now: officeNow(ctx).iso });
        if (!changed) {
          throw new AppError('CONFLICT', 'Tài khoản đã được người khác sửa. Vui lòng tải lại rồi thử lại.', {
            logMessage: `stale user version ${input.version}`,
          });
        }
        recordAudit(ctx, session, {
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
      })
      .immediate();
    const after = mustFind(ctx, input.id);
    if (after.is_active !== 1) ctx.sessions.endAllFor(after.id);
    else ctx.sessions.update(after.id, () => toSessionUser(after));
    return toUserView(after);
  },

  'users.resetPassword': async (input, ctx, session) => {
    const user = mustFind(ctx, input.id);
    const hash = await hashPassword(input.temporaryPassword);
    ctx.db
      .transaction(() => {
        setPassword(ctx.db, user.id, hash, true, officeNow(ctx).iso);
        recordAudit(ctx, session, {
          action: 'users.resetPassword',
          entityType: 'user',
          entityId: user.id,
          payload: { username: user.username },
        });
      })
      .immediate();
    ctx.sessions.endAllFor(user.id);
    return toUserView(mustFind(ctx, user.id));
  },
} satisfies Pick<Handlers, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'>;

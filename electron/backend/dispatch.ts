import { ZodError } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import {
  AppError,
  genericMessages,
  type Envelope,
  type ErrorPayload,
  type FieldErrors,
} from '../../shared/api/errors';
import type { BackendContext, CallSession, Caller } from './context';
import { DomainError } from '../../shared/domain/calendar/domain-error';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: BackendContext,
  session: CallSession,
) => Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

export interface Backend {
  ctx: BackendContext;
  handlers: Handlers;
  close(): Promise<void>;
}

/**
 * The only entry into the backend, shared by every transport: method lookup -> input.parse -> handler ->
 * envelope. Nothing below it ever sees unvalidated input, and nothing above it ever sees a stack trace.
 */
export async function dispatch(
  backend: Backend,
  method: string,
  rawInput: unknown,
  caller: Caller,
): Promise<Envelope<unknown>> {
  if (typeof method !== 'string' || !isMethodName(method)) {
    backend.ctx.log.warn('unknown API method', { method: String(method).slice(0, 100) });
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: `Không có chức năng "${String(method).slice(0, 60)}".` },
    };
  }
  const access = await authorize(backend.ctx, method, caller);
  if (!access.ok) return { ok: false, error: access.error };
  const session = access.session;
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: validationPayload(parsed.error) };
  }
  try {
    const handler = backend.handlers[method] as Handler<typeof method>;
    const data = await handler(parsed.data as never, backend.ctx, session);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toPayload(backend, method, error) };
  }
}

/** Methods a user who must change a one-time password may still call. */
const BEFORE_PASSWORD_CHANGE = new Set<MethodName>([
  'app.info',
  'auth.me',
  'auth.logout',
  'auth.changePassword',
  'auth.login',
]);

type Authorization = { ok: true; session: CallSession } | { ok: false; error: ErrorPayload };

/** What a refused session is told: each reason in words the clerk can act on. */
export const SESSION_REFUSALS = {
  missing: genericMessages.UNAUTHENTICATED,
  unknown: genericMessages.UNAUTHENTICATED,
  expired: 'Phiên làm việc đã hết hạn do không thao tác quá lâu. Vui lòng đăng nhập lại.',
  revoked: 'Tài khoản của bạn đã bị khóa hoặc phiên đăng nhập đã bị thu hồi. Hãy liên hệ quản trị viên.',
} as const;

/**
 * Role checks live here, for every transport: hiding a button is never the only guard. The account is read
 * with the session on every call, so a deactivation or a change of roles applies at the next call.
 */
async function authorize(ctx: BackendContext, method: MethodName, caller: Caller): Promise<Authorization> {
  if ('system' in caller)
    return {
      ok: true,
      session: { actor: caller.system, userId: null, sessionToken: null, clientAddress: null },
    };
  const access = contract[method].access;
  const clientAddress = caller.clientAddress ?? null;
  const resolved = await ctx.sessions.resolve(caller.sessionToken);
  if (!resolved.ok) {
    if (access === 'public') {
      return {
        ok: true,
        session: {
          actor: { id: 'anonymous', name: 'Chưa đăng nhập', roles: [] },
          userId: null,
          sessionToken: null,
          clientAddress,
        },
      };
    }
    if (resolved.reason === 'revoked' || resolved.reason === 'expired')
      ctx.log.info('session refused', { method, reason: resolved.reason });
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: SESSION_REFUSALS[resolved.reason] } };
  }
  const user = resolved.user;
  const session: CallSession = {
    actor: { id: `user:${user.id}`, name: user.fullName, roles: user.roles },
    userId: user.id,
    sessionToken: caller.sessionToken,
    clientAddress,
  };
  if (user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(method)) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.' },
    };
  }
  if (access !== 'public' && access !== 'user' && !access.some((role) => user.roles.includes(role))) {
    ctx.log.warn('forbidden by role', { method, user: user.username });
    return { ok: false, error: { code: 'FORBIDDEN', message: genericMessages.FORBIDDEN } };
  }
  return { ok: true, session };
}

function validationPayload(error: ZodError) {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return { code: 'VALIDATION_FAILED' as const, message: genericMessages.VALIDATION_FAILED, fieldErrors };
}

function toPayload(backend: Backend, method: MethodName, error: unknown) {
  if (error instanceof AppError) {
    backend.ctx.log.info('request refused', { method, code: error.code, detail: error.message });
    return error.toPayload();
  }
  if (error instanceof ZodError) return validationPayload(error);
  // Rule violations from the pure domain core are the caller's input, not our failure.
  if (error instanceof DomainError) {
    backend.ctx.log.info('domain rule refused the request', {
      method,
      code: error.code,
      detail: error.messageEn,
    });
    return { code: 'VALIDATION_FAILED' as const, message: error.messageVi };
  }
  const sqliteCode = (error as { code?: unknown }).code;
  if (sqliteCode === 'SQLITE_FULL') {
    backend.ctx.log.error('disk full', { method, detail: String(error) });
    return { code: 'STORAGE_FULL' as const, message: genericMessages.STORAGE_FULL };
  }
  if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_LOCKED') {
    backend.ctx.log.warn('database busy', { method, detail: String(error) });
    return { code: 'BUSY' as const, message: genericMessages.BUSY };
  }
  backend.ctx.log.error('unexpected error', {
    method,
    detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return { code: 'INTERNAL' as const, message: genericMessages.INTERNAL };
}

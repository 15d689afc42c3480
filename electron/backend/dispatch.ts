import { ZodError } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import { AppError, genericMessages, type Envelope, type FieldErrors } from '../../shared/api/errors';
import type { BackendContext, CallSession } from './context';
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
  close(): void;
}

/**
 * The only entry into the backend, shared by every transport: method lookup -> input.parse -> handler ->
 * envelope. Nothing below it ever sees unvalidated input, and nothing above it ever sees a stack trace.
 */
export async function dispatch(
  backend: Backend,
  method: string,
  rawInput: unknown,
  session: CallSession,
): Promise<Envelope<unknown>> {
  if (typeof method !== 'string' || !isMethodName(method)) {
    backend.ctx.log.warn('unknown API method', { method: String(method).slice(0, 100) });
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: `Không có chức năng "${String(method).slice(0, 60)}".` },
    };
  }
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

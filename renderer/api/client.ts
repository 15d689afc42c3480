// The renderer's only door to the backend (architecture.md §2). Every call is typed from the contract; the
// transport is the Electron bridge when the preload exposed one, otherwise the web edition's HTTP endpoint.
import { methodNames, type MethodInput, type MethodName, type MethodOutput } from '../../shared/api/contract';
import {
  BRIDGE_GLOBAL,
  REQUEST_ID_HEADER,
  WEB_SESSION_HEADER,
  WEB_TOKEN_HEADER,
  type LicenceDeskBridge,
} from '../../shared/api/bridge';
import {
  errorCodes,
  genericMessages,
  type Envelope,
  type ErrorCode,
  type FieldErrors,
} from '../../shared/api/errors';
import { endSession, getSessionToken } from './session';
import { readWebToken } from './web-token';
import { newRequestId } from '../lib/request-id';
import { markOffline, markOnline } from './connection-state';

/** How long a call keeps trying through a lost connection before it gives up and says so. */
const RETRY_FOR_MS = 30_000;

/**
 * Codes the client itself can produce on top of the backend's vocabulary: NETWORK (backend unreachable) and
 * NO_ACCESS_TOKEN (the web edition refused this tab's start-up token, so logging in again cannot help).
 */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'NO_ACCESS_TOKEN';

const NETWORK_MESSAGE =
  'Không kết nối được với LicenceDesk. Hãy kiểm tra chương trình còn đang chạy rồi thử lại; chưa có gì được lưu.';
const NO_TOKEN_MESSAGE =
  'Thiếu hoặc sai mã truy cập. Hãy mở đúng địa chỉ (có phần #token=…) mà cửa sổ dòng lệnh LicenceDesk in ra ' +
  'lần khởi động gần nhất.';

/** A refused call: `message` is Vietnamese and safe to show; `fieldErrors` keys are dot paths ("applicant.name"). */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly fieldErrors: FieldErrors;
  readonly method: string;

  constructor(method: string, code: ClientErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = 'ApiError';
    this.method = method;
    this.code = code;
    this.fieldErrors = fieldErrors ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The Vietnamese text to show for any rejection, including ones that are not ApiErrors (bugs). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return genericMessages.INTERNAL;
}

export function getBridge(): LicenceDeskBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return isBridge(candidate) ? candidate : undefined;
}

function isBridge(value: unknown): value is LicenceDeskBridge {
  return (
    typeof value === 'object' && value !== null && typeof (value as LicenceDeskBridge).invoke === 'function'
  );
}

/**
 * POST /api/<method> to the web edition or the office server. A call that cannot get through is sent again
 * (1 s, 2 s, 4 s … for up to 30 s) with the same request id, so that a write whose answer was lost is
 * answered with its first outcome, never done twice; meanwhile the banner says the connection is lost.
 */
async function postToServer(
  method: string,
  input: unknown,
  sessionToken: string | null,
): Promise<Envelope<unknown>> {
  // The web edition (127.0.0.1) needs its start-up token; the office server has none and uses logins only.
  const token = readWebToken();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [REQUEST_ID_HEADER]: newRequestId(),
  };
  if (token) headers[WEB_TOKEN_HEADER] = token;
  if (sessionToken) headers[WEB_SESSION_HEADER] = sessionToken;
  const body = JSON.stringify(input ?? {});
  const started = Date.now();
  let response: Response | null = null;
  for (let attempt = 0; response === null; attempt += 1) {
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers,
        body,
        // The tokens are the credentials; cookies are never involved.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      markOffline();
      if (Date.now() - started > RETRY_FOR_MS) throw new ApiError(method, 'NETWORK', NETWORK_MESSAGE);
      await new Promise((resolve) => window.setTimeout(resolve, Math.min(4000, 1000 * 2 ** attempt)));
    }
  }
  markOnline();
  // HTTP 401 is the transport's own refusal (wrong start-up token). A login problem comes back as a 200
  // envelope with UNAUTHENTICATED, which sends the clerk to the login screen instead.
  if (response.status === 401) throw new ApiError(method, 'NO_ACCESS_TOKEN', NO_TOKEN_MESSAGE);
  const reply: unknown = await response.json().catch(() => undefined);
  if (isEnvelope(reply)) return reply;
  // Not an envelope (proxy error page, crashed server): nothing more specific can be said.
  return { ok: false, error: { code: 'INTERNAL', message: genericMessages.INTERNAL } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const envelope = value as { ok: unknown; error?: unknown };
  if (envelope.ok === true) return 'data' in envelope;
  return envelope.ok === false && typeof envelope.error === 'object' && envelope.error !== null;
}

function toErrorCode(code: unknown): ErrorCode {
  return (errorCodes as readonly unknown[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

/** Sends one call through whichever transport this window has; resolves with `data` or rejects with ApiError. */
export async function invokeRaw(method: string, input: unknown): Promise<unknown> {
  const bridge = getBridge();
  const sessionToken = getSessionToken();
  let envelope: Envelope<unknown>;
  if (bridge) {
    try {
      envelope = await bridge.invoke(method, input ?? {}, sessionToken);
    } catch {
      throw new ApiError(method, 'NETWORK', NETWORK_MESSAGE);
    }
  } else {
    envelope = await postToServer(method, input, sessionToken);
  }
  if (envelope.ok) return envelope.data;
  const code = toErrorCode(envelope.error.code);
  // The session expired or was ended elsewhere: drop it so the app shows the login screen. Only the token
  // this call carried is dropped, never a newer login that happened meanwhile.
  if (code === 'UNAUTHENTICATED' && sessionToken !== null && sessionToken === getSessionToken()) {
    endSession('expired');
  }
  const message = typeof envelope.error.message === 'string' ? envelope.error.message : genericMessages[code];
  throw new ApiError(method, code, message, envelope.error.fieldErrors);
}

export type ApiMethods = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export interface Api extends ApiMethods {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return invokeRaw(method, input) as Promise<MethodOutput<M>>;
}

function buildApi(): Api {
  const methods = Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => invokeRaw(name, input)]),
  ) as unknown as ApiMethods;
  return { ...methods, call };
}

/** `api['dossiers.receive'](input)` or `api.call('dossiers.receive', input)`. */
export const api: Api = buildApi();

import {
  connectionMethods,
  type ConnectionMethod,
  type ConnectionSettings,
} from '../../../shared/api/schemas/connection';
import { genericMessages, type Envelope } from '../../../shared/api/errors';
import type { Logger } from '../context';
import { probeCertificate } from './pinned-agent';
import { readConnectionSettings, writeConnectionSettings } from './connection-settings';

export interface ConnectionMethodDeps {
  /** Where connection.json lives (Electron's userData). */
  dir: string;
  log: Logger;
  /** Restarts the app in the newly chosen mode (app.relaunch + exit). */
  restart: () => void;
  /** The mode in force (the saved choice, or local for a machine that already has a store). */
  current?: () => ConnectionSettings | null;
}

export function isConnectionMethod(method: unknown): method is ConnectionMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(connectionMethods, method);
}

/**
 * The first-run choice, answered in the desktop app's main process (Electron-free here, so it is tested
 * under Node). Choosing the office server checks the fingerprint the person typed against the certificate the
 * server presents right now: a mismatch is refused, never saved.
 */
export async function callConnectionMethod(
  deps: ConnectionMethodDeps,
  method: ConnectionMethod,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  const parsed = connectionMethods[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      parsed.error.issues.map((i) => [i.path.join('.') || '_', i.message]),
    );
    return {
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: genericMessages.VALIDATION_FAILED, fieldErrors },
    };
  }
  try {
    if (method === 'connection.get')
      return { ok: true, data: deps.current ? deps.current() : readConnectionSettings(deps.dir) };
    if (method === 'connection.probe') {
      const url = (parsed.data as { url: string }).url;
      return { ok: true, data: { url, ...(await probeCertificate(new URL(url))) } };
    }
    const choice = parsed.data as ConnectionSettings;
    if (choice.mode === 'office') {
      const presented = await probeCertificate(new URL(choice.url));
      if (presented.fingerprint !== choice.fingerprint) {
        const message =
          'Mã chứng chỉ không khớp với chứng chỉ máy chủ đang trình. Hãy đối chiếu lại với mã in trên máy chủ ' +
          '(dòng “Certificate SHA-256”); không kết nối khi chưa chắc chắn.';
        deps.log.warn('connection: fingerprint mismatch at first connection', { url: choice.url });
        return {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message, fieldErrors: { fingerprint: message } },
        };
      }
    }
    writeConnectionSettings(deps.dir, choice);
    deps.log.info('connection chosen', {
      mode: choice.mode,
      ...(choice.mode === 'office' ? { url: choice.url } : {}),
    });
    setTimeout(deps.restart, 200);
    return { ok: true, data: { restarting: true } };
  } catch (error) {
    deps.log.warn('connection method failed', { method, detail: String(error) });
    return {
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message:
          'Không kết nối được địa chỉ này. Kiểm tra địa chỉ, cổng và máy chủ đã chạy `licence-desk serve --office`.',
      },
    };
  }
}

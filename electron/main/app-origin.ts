// Where the renderer lives: app://bundle/, a privileged custom scheme (checklist item 18: never file://).
// Electron-free so the sender check, the protocol resolver and their tests share one definition.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Sent with every app:// response; shared with the web edition so the two cannot drift. */
export { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';

/**
 * True only for app://bundle/… URLs. Compares protocol and host exactly, never `origin`: custom schemes have
 * an opaque origin under the WHATWG parser (`new URL('app://bundle/').origin === 'null'`), so an origin
 * comparison would match every custom-scheme URL. `host` (not `hostname`) also refuses a port, and
 * credentials are refused so the URL cannot be dressed up as something else.
 */
export function isAppUrl(url: unknown): boolean {
  let parsed: URL;
  try {
    parsed = url instanceof URL ? url : new URL(String(url));
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

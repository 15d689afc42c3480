// The web edition prints `http://127.0.0.1:PORT/#token=XYZ`. A fragment never reaches the server's logs or a
// Referer header; we move it into sessionStorage (per tab, gone when the tab closes) and scrub the address bar
// so the token is not left in history or shown over the clerk's shoulder.

const STORAGE_KEY = 'licenceDesk.webToken';

let memoryToken: string | null = null;

/** Reads `#token=…` once at start-up; call before the hash router looks at location.hash. */
export function captureWebTokenFromUrl(): void {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash.startsWith('token=')) return;
  const token = new URLSearchParams(hash).get('token');
  if (token) {
    memoryToken = token;
    try {
      window.sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the in-memory copy still serves this page load.
    }
  }
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

export function readWebToken(): string | null {
  if (memoryToken) return memoryToken;
  try {
    memoryToken = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    memoryToken = null;
  }
  return memoryToken;
}

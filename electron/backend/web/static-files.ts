// Maps a URL path to a file under the built renderer folder, or refuses it. Shared by the web edition and
// the Electron app:// protocol so both refuse the same traversal tricks (reliability.md 1-E7). The path
// module is a parameter so that the Windows rules are tested on Linux too.
import fs from 'node:fs';
import nodePath from 'node:path';

export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'extname'>;

const INDEX_FILE = 'index.html';
/** Windows device names open a device, not a file, in any folder (CON, NUL.txt, COM1 …). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Returns the absolute file for an (undecoded) URL pathname, or null when it cannot be decoded or would leave
 * `rootDir`. Refuses what only appears after percent-decoding (`..%2f`, `%5c`), backslashes, drive letters and
 * alternate data streams (any ':'), NUL bytes and Windows device names — then checks containment anyway.
 * '/' serves index.html.
 */
export function resolveInsideRoot(
  rootDir: string,
  pathname: string,
  pathApi: PathApi = nodePath,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (/[\\:\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..' || WINDOWS_DEVICE.test(segment))) {
    return null;
  }
  if (segments.length === 0) segments.push(INDEX_FILE);
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return filePath;
}

/**
 * A client-side route (no file extension, e.g. /dossiers/12 after a reload) falls back to index.html, like
 * any single-page-app host; a missing asset stays a 404.
 */
export function isClientRoute(filePath: string, pathApi: PathApi = nodePath): boolean {
  return pathApi.extname(filePath) === '';
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Served with nosniff, so the type must be right: unknown extensions are opaque bytes. */
export function contentTypeFor(filePath: string, pathApi: PathApi = nodePath): string {
  return CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads a renderer file for the web edition; client routes fall back to index.html. */
export function readStatic(root: string, pathname: string): { file: string; body: Buffer } | null {
  const resolved = resolveInsideRoot(root, pathname);
  if (!resolved) return null;
  const file = isClientRoute(resolved) ? nodePath.join(nodePath.resolve(root), INDEX_FILE) : resolved;
  try {
    if (!fs.statSync(file).isFile()) return null;
    return { file, body: fs.readFileSync(file) };
  } catch {
    return null;
  }
}

// Maps an app://bundle/… request to a file under the built renderer folder, or refuses it. Electron-free so
// the traversal cases are unit-tested (reliability.md 1-E7); the path rules are shared with the web edition.
import nodePath from 'node:path';
import { isAppUrl } from './app-origin';
import { contentTypeFor, isClientRoute, resolveInsideRoot, type PathApi } from '../backend/web/static-files';

/**
 * Returns the absolute file path for `requestUrl`, or null (answer 404) when the URL is not app://bundle/ or
 * its path is refused by the shared resolver. The WHATWG parser already folds `..` and `%2e%2e` segments.
 */
export function resolveBundlePath(
  rootDir: string,
  requestUrl: string,
  pathApi: PathApi = nodePath,
): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppUrl(url)) return null;
  return resolveInsideRoot(rootDir, url.pathname, pathApi);
}

export { contentTypeFor, isClientRoute };

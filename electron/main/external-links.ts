// Checklist item 15: shell.openExternal only for trusted content. Electron-free; security.ts does the call.

/**
 * Exact URLs the app may hand to the OS browser. Empty for now: nothing in the app links out. Add a URL here
 * (full href, https only) when a feature needs one, e.g. the national public-service portal.
 */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = Object.freeze([]);

/**
 * Exact match on the normalised href — never a prefix test, which would let
 * `https://example.com.attacker.com` through (checklist item 13).
 */
export function isAllowedExternalUrl(
  url: unknown,
  allowList: readonly string[] = EXTERNAL_URL_ALLOW_LIST,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowList.some((allowed) => {
    try {
      return new URL(allowed).href === parsed.href;
    } catch {
      return false;
    }
  });
}

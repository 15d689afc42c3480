// Canonical serialisation for the audit hash chain (reliability.md §3.2): sorted keys, NFC strings,
// integers only. The same logical event must always give the same bytes, whatever order its keys came in.

export type CanonicalValue =
  string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue };

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

function canonicalize(value: unknown): CanonicalValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // Floats serialise differently across runtimes; the audit trail only carries integers.
    if (!Number.isSafeInteger(value)) throw new TypeError(`canonicalJson: non-integer number ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === 'object') {
    const out: Record<string, CanonicalValue> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key.normalize('NFC')] = canonicalize(item);
    }
    return out;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

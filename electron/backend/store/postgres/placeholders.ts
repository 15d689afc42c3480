import type { SqlParams } from '../sql';

interface Compiled {
  text: string;
  /** For each $n, the name (for @name) or the position (for ?) it takes its value from. */
  sources: Array<string | number>;
}

const cache = new Map<string, Compiled>();

/**
 * Rewrites the shared placeholder style (`@name`, `?`) into PostgreSQL's `$1, $2 …`, leaving string literals,
 * quoted identifiers, comments and dollar-quoted bodies alone. `@@` (text search) is an operator, not a name.
 * Compiled once per statement text.
 */
export function compilePlaceholders(sql: string): Compiled {
  const hit = cache.get(sql);
  if (hit) return hit;
  const sources: Array<string | number> = [];
  const byName = new Map<string, number>();
  let positional = 0;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '$' && /[A-Za-z_$]/.test(next ?? '') && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const stop = end < 0 ? sql.length : end + tag.length;
        out += sql.slice(i, stop);
        i = stop;
      } else {
        out += c;
        i += 1;
      }
    } else if (c === '?') {
      sources.push(positional);
      positional += 1;
      out += `$${sources.length}`;
      i += 1;
    } else if (c === '@' && /[A-Za-z_]/.test(next ?? '') && sql[i - 1] !== '@') {
      const name = /^@([A-Za-z_]\w*)/.exec(sql.slice(i))?.[1] as string;
      let n = byName.get(name);
      if (n === undefined) {
        sources.push(name);
        n = sources.length;
        byName.set(name, n);
      }
      out += `$${n}`;
      i += name.length + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  const compiled = { text: out, sources };
  cache.set(sql, compiled);
  return compiled;
}

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

/** The values for `compiled`, taken from an array (for `?`) or an object (for `@name`). */
export function bindValues(compiled: Compiled, params: SqlParams | undefined): unknown[] {
  if (compiled.sources.length === 0) return [];
  if (params === undefined) throw new Error('statement has placeholders but no parameters were given');
  return compiled.sources.map((source) => {
    const value =
      typeof source === 'number'
        ? (params as readonly unknown[])[source]
        : (params as Record<string, unknown>)[source];
    if (value === undefined) throw new Error(`no value for placeholder ${String(source)}`);
    return value;
  });
}

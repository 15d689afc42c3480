import { describe, expect, it } from 'vitest';
import { bindValues, compilePlaceholders } from './placeholders';

describe('placeholders for PostgreSQL', () => {
  it('numbers @names once each and ? in order', () => {
    const named = compilePlaceholders('SELECT * FROM t WHERE a = @a AND b = @b OR a < @a');
    expect(named.text).toBe('SELECT * FROM t WHERE a = $1 AND b = $2 OR a < $1');
    expect(bindValues(named, { b: 2, a: 1, unused: 3 })).toEqual([1, 2]);
    const positional = compilePlaceholders('UPDATE t SET a = ? WHERE id = ?');
    expect(positional.text).toBe('UPDATE t SET a = $1 WHERE id = $2');
    expect(bindValues(positional, ['x', 7])).toEqual(['x', 7]);
  });

  it('leaves literals, identifiers, comments, dollar bodies and the @@ operator alone', () => {
    const sql = `SELECT '?@x' || "we?ird", 'it''s ?' -- what?
      /* @c ? */ FROM t WHERE v @@ to_tsquery(@q) AND body = $f$ ? @z $f$ AND n = ?`;
    const compiled = compilePlaceholders(sql);
    expect(compiled.text).toContain(`'?@x' || "we?ird", 'it''s ?' -- what?`);
    expect(compiled.text).toContain('/* @c ? */');
    expect(compiled.text).toContain('v @@ to_tsquery($1)');
    expect(compiled.text).toContain('$f$ ? @z $f$ AND n = $2');
  });

  it('refuses a missing value rather than sending NULL', () => {
    expect(() => bindValues(compilePlaceholders('SELECT @a'), {})).toThrow(/no value for placeholder a/);
    expect(bindValues(compilePlaceholders('SELECT @a'), { a: null })).toEqual([null]);
  });
});

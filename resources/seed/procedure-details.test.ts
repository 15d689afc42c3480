// Consistency checks for the per-procedure catalogue details (procedure-details.json) against the seed.
import { describe, expect, it } from 'vitest';
import details from './procedure-details.json';
import seed from './procedures.seed.json';

type Component = { name: string; copies: number; required: boolean; original: boolean };
type LicenceField = { key: string; label: string; required: boolean };
type Detail = {
  sector: string;
  pauseMode: string;
  issuer: string;
  confidence: string;
  legalBasis: string[];
  components: Component[];
  componentsConfidence?: string;
  licenceFields: LicenceField[];
  resultKind: string;
  silentApproval: boolean;
  eventRelative: boolean;
  validityMaxMonths: number | null;
  notes: string;
};
type SeedProcedure = { id: string; validityMaxMonths?: number };

const procedures = details.procedures as Record<string, Detail>;
const seedProcedures = seed.procedures as SeedProcedure[];
const seedIds = seedProcedures.map((p) => p.id);
const detailIds = Object.keys(procedures);
const entries = Object.entries(procedures);

const SECTORS = ['bao_chi', 'xuat_ban'];
const PAUSE_MODES = ['pause', 'restart'];
const ISSUERS = ['so', 'ubnd'];
const CONFIDENCE = ['P', 'S', 'R', 'C', '?'];
const RESULT_KINDS = ['giay_phep', 'giay_xac_nhan', 'van_ban_chap_thuan', 'van_ban_tra_loi'];

/** Every string (keys included) in a JSON value, with its path. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [`${path} (key)`, key];
      yield* strings(item, `${path}.${key}`);
    }
  }
}

describe('procedure-details.json', () => {
  it('has a non-empty description', () => {
    expect(typeof details.description).toBe('string');
    expect(details.description.trim().length).toBeGreaterThan(0);
  });

  it('has details for every seed id and no other ids', () => {
    expect(new Set(seedIds).size).toBe(seedIds.length);
    expect([...detailIds].sort()).toEqual([...seedIds].sort());
  });

  it.each(entries)('%s: enum values are valid', (_id, d) => {
    expect(SECTORS).toContain(d.sector);
    expect(PAUSE_MODES).toContain(d.pauseMode);
    expect(ISSUERS).toContain(d.issuer);
    expect(CONFIDENCE).toContain(d.confidence);
    if (d.componentsConfidence !== undefined) expect(CONFIDENCE).toContain(d.componentsConfidence);
    expect(RESULT_KINDS).toContain(d.resultKind);
    expect(typeof d.silentApproval).toBe('boolean');
    expect(typeof d.eventRelative).toBe('boolean');
    expect(typeof d.notes).toBe('string');
  });

  it.each(entries)('%s: sector matches the id prefix', (id, d) => {
    expect(d.sector).toBe(id.startsWith('BC-') ? 'bao_chi' : 'xuat_ban');
  });

  it.each(entries)('%s: legalBasis is a non-empty list of distinct non-empty strings', (_id, d) => {
    expect(Array.isArray(d.legalBasis)).toBe(true);
    expect(d.legalBasis.length).toBeGreaterThan(0);
    for (const text of d.legalBasis) expect(text.trim().length).toBeGreaterThan(0);
    expect(new Set(d.legalBasis).size).toBe(d.legalBasis.length);
  });

  it.each(entries)('%s: components have an NFC name, copies >= 1 and boolean flags', (_id, d) => {
    expect(d.components.length).toBeGreaterThan(0);
    for (const c of d.components) {
      expect(c.name.trim().length).toBeGreaterThan(0);
      expect(c.name).toBe(c.name.normalize('NFC'));
      expect(Number.isInteger(c.copies)).toBe(true);
      expect(c.copies).toBeGreaterThanOrEqual(1);
      expect(typeof c.required).toBe('boolean');
      expect(typeof c.original).toBe('boolean');
    }
    expect(d.components.some((c) => c.required)).toBe(true);
  });

  it.each(entries)('%s: licence fields have unique camelCase keys and labels', (_id, d) => {
    expect(d.licenceFields.length).toBeGreaterThan(0);
    const keys = d.licenceFields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of d.licenceFields) {
      expect(f.key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(f.label.trim().length).toBeGreaterThan(0);
      expect(typeof f.required).toBe('boolean');
    }
  });

  it.each(entries)('%s: validityMaxMonths is null or a positive integer and agrees with the seed', (id, d) => {
    if (d.validityMaxMonths !== null) {
      expect(Number.isInteger(d.validityMaxMonths)).toBe(true);
      expect(d.validityMaxMonths).toBeGreaterThan(0);
    }
    const s = seedProcedures.find((p) => p.id === id);
    if (s?.validityMaxMonths !== undefined) expect(d.validityMaxMonths).toBe(s.validityMaxMonths);
  });

  it('every string in the file (keys included) is Unicode NFC', () => {
    const bad = [...strings(details)].filter(([, s]) => s !== s.normalize('NFC')).map(([p]) => p);
    expect(bad).toEqual([]);
  });
});

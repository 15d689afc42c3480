// reliability.md §4 (bad input): every contract method, through dispatch, with a trusted caller, fed
// fast-check's anything() plus the inputs that break JavaScript servers (prototype keys, huge strings, NaN,
// deep nesting). Only success or a caller-side refusal may come back: never INTERNAL, never a throw; a
// refusal writes nothing; Object.prototype stays clean.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { methodNames, type MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { makeReceiveInput, sampleSettings, testSession, type TestBackend } from '../helpers/test-backend';
import { cleanupTempDirs, configuredBackend, receiveDossiers, rowCounts } from './durability-helpers';

const ALLOWED = new Set([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'INVALID_TRANSITION',
]);
const RUNS_PER_METHOD = 30;

let t: TestBackend;
const samples: Partial<Record<MethodName, Record<string, unknown>>> = {};

beforeAll(async () => {
  t = await configuredBackend();
  await receiveDossiers(t, 3);
  samples['dossiers.receive'] = (await makeReceiveInput(t)) as unknown as Record<string, unknown>;
  samples['settings.update'] = sampleSettings as unknown as Record<string, unknown>;
  samples['dossiers.list'] = { query: 'hoa', limit: 10 };
  samples['dossiers.get'] = { id: 1 };
  samples['backup.settings.update'] = { folder: null, keepDaily: 14, keepMonthly: 12, dailyEnabled: true };
  samples['backup.restore'] = { file: 'licence-desk-20261126-093000.db' };
}, 60_000);

afterAll(async () => {
  await t.close();
  cleanupTempDirs();
});

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value, applicant: value };
  return value;
}

const prototypeKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
);

/** JSON.parse makes "__proto__" an own key, as a JSON body or an IPC message would. */
const pollutingObjects = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "id": 1, "limit": 5, "file": "licence-desk-20261126-093000.db"}',
  ) as unknown,
  JSON.parse(
    '{"applicant": {"__proto__": {"polluted": "yes"}, "name": "A", "kind": "individual"}}',
  ) as unknown,
  JSON.parse('[{"__proto__": {"polluted": "yes"}}]') as unknown,
);

const nastyScalars = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  2n ** 70n,
  '',
  '\u0000',
  '\u202e',
  'x'.repeat(1_000_000),
  'Hoà '.normalize('NFD').repeat(100_000),
  '\ud800',
  new Date(Number.NaN),
  Symbol('s'),
  () => 1,
);

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    key: fc.oneof(fc.string(), prototypeKey),
    maxDepth: 4,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  nastyScalars,
  pollutingObjects,
  fc.constantFrom(deep(5_000, 1, false), deep(5_000, 'x', true)),
);

/** A valid sample with one field replaced by something nasty (reaches the deeper validators). */
function mutated(method: MethodName): fc.Arbitrary<unknown> | null {
  const sample = samples[method];
  if (!sample) return null;
  const keys = Object.keys(sample);
  return fc.tuple(fc.constantFrom(...keys), nasty, fc.boolean()).map(([key, value, addProto]) => {
    const copy: Record<string, unknown> = { ...sample, [key]: value };
    if (addProto) Object.defineProperty(copy, '__proto__', { value: { polluted: 'yes' }, enumerable: true });
    return copy;
  });
}

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('API fuzz: every contract method through dispatch', () => {
  const baseline = prototypeSnapshot();

  it('covers every method in the contract', () => {
    expect(methodNames.length).toBeGreaterThan(10);
  });

  for (const method of methodNames) {
    it(`${method}: only success or a caller-side refusal; nothing written on refusal`, async () => {
      const arbitrary = mutated(method);
      const inputs = arbitrary ? fc.oneof(nasty, arbitrary) : nasty;
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const db = t.backend.ctx.db;
          const before = await rowCounts(db);
          let reply: Envelope<unknown>;
          try {
            reply = await dispatch(t.backend, method, input, testSession);
          } catch (error) {
            throw new Error(`dispatch threw for ${method}: ${String(error)}`);
          }
          if (!reply.ok) {
            expect(ALLOWED, `${method} → ${reply.error.code}: ${reply.error.message}`).toContain(
              reply.error.code,
            );
            expect(typeof reply.error.message).toBe('string');
            expect(await rowCounts(db)).toEqual(before);
          }
          expect(db.inTransaction).toBe(false);
          expect(prototypeSnapshot()).toEqual(baseline);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_METHOD },
      );
    });
  }

  it('an unknown or hostile method name is NOT_FOUND', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(10_000)]) {
      const reply = await dispatch(t.backend, name, {}, testSession);
      expect(reply.ok === false && reply.error.code).toBe('NOT_FOUND');
    }
    expect(prototypeSnapshot()).toEqual(baseline);
  });
});

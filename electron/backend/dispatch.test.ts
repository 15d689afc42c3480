import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/api/contract';
import { handlers } from './create-backend';
import { makeTestBackend, type TestBackend } from '../../test/helpers/test-backend';

let t: TestBackend | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('contract and handlers', () => {
  it('has a handler for every contract method and no handler without one', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) {
      expect(contract[name].input, name).toBeDefined();
      expect(contract[name].output, name).toBeDefined();
    }
  });

  it('declares who may call every method; only app.info and auth.login need no login', () => {
    const publicMethods = methodNames.filter((name) => contract[name].access === 'public');
    expect(publicMethods.sort()).toEqual(['app.info', 'auth.login']);
  });
});

describe('dispatch', () => {
  it('answers NOT_FOUND for an unknown method', async () => {
    t = await makeTestBackend();
    const reply = await t.raw('dossiers.delete', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers VALIDATION_FAILED with Vietnamese field errors for bad input', async () => {
    t = await makeTestBackend();
    const reply = await t.raw('settings.update', { agency: { name: '   ' } });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    expect(reply.error.fieldErrors?.['agency.name']).toBe('Tên cơ quan không được để trống.');
    expect(reply.error.fieldErrors?.['agency.governingBody']).toBeTruthy();
  });

  it('refuses extra keys where the method takes none', async () => {
    t = await makeTestBackend();
    const reply = await t.raw('app.info', { surprise: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('returns data that satisfies every output schema it declares', async () => {
    t = await makeTestBackend();
    const info = await t.call('app.info', {});
    expect(contract['app.info'].output.safeParse(info).success).toBe(true);
    const procedures = await t.call('procedures.list', { includeUnconfigured: true });
    expect(contract['procedures.list'].output.safeParse(procedures).success).toBe(true);
    const settings = await t.call('settings.get', {});
    expect(contract['settings.get'].output.safeParse(settings).success).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { committeeNameOf, upgradeStoredSettings } from './settings-upgrade';

/** Settings as LicenceDesk stored them before issue 12: one signer list, names typed in capitals. */
const { authorities: _authorities, ...rest } = sampleSettings;
const before12 = {
  ...rest,
  agency: {
    ...sampleSettings.agency,
    governingBody: 'UBND TỈNH BẮC NINH',
    name: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
  },
  signers: [{ name: 'Trần Văn Bình', title: 'Phó Giám đốc', capacity: 'deputy' }],
};

let t: TestBackend;
beforeEach(async () => {
  t = await makeTestBackend();
});
afterEach(() => t.close());

describe('reading settings stored by an older LicenceDesk (issue 12 §3–4)', () => {
  it('spells out the committee from the governing body', () => {
    expect(committeeNameOf('UBND TỈNH BẮC NINH')).toBe('Ủy ban nhân dân tỉnh Bắc Ninh');
    expect(committeeNameOf('UBND thành phố Hải Phòng')).toBe('Ủy ban nhân dân thành phố Hải Phòng');
  });

  it('moves the signers to the Sở, proposes sentence-case names and lists what to review', async () => {
    expect(upgradeStoredSettings(before12)).toEqual({
      value: {
        ...rest,
        agency: {
          ...sampleSettings.agency,
          governingBody: 'UBND tỉnh Bắc Ninh',
          name: 'Sở Văn hóa, Thể thao và Du lịch',
        },
        authorities: {
          so: { signers: before12.signers },
          ubnd: { name: 'Ủy ban nhân dân tỉnh Bắc Ninh', signers: [] },
        },
      },
      needsReview: ['agency.governingBody', 'agency.name', 'authorities.ubnd.name'],
    });
    // Settings already in today's shape pass unchanged.
    expect(upgradeStoredSettings(sampleSettings)).toEqual({ value: sampleSettings, needsReview: [] });
  });

  it('serves the upgraded settings from the store until an administrator saves them', async () => {
    await t.backend.ctx.db.run("INSERT INTO settings (key, value) VALUES ('app', ?)", [
      JSON.stringify(before12),
    ]);
    const read = await t.call('settings.get', {});
    expect(read).toMatchObject({
      isConfigured: true,
      agency: { governingBody: 'UBND tỉnh Bắc Ninh', name: 'Sở Văn hóa, Thể thao và Du lịch' },
      authorities: { so: { signers: before12.signers }, ubnd: { signers: [] } },
      needsReview: ['agency.governingBody', 'agency.name', 'authorities.ubnd.name'],
    });
    const { isConfigured: _c, needsReview: _n, ...saved } = read;
    const after = await t.call('settings.update', saved);
    expect(after.needsReview).toEqual([]);
    const stored = JSON.parse(
      ((await t.backend.ctx.db.get("SELECT value FROM settings WHERE key = 'app'")) as { value: string })
        .value,
    ) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('signers');
    expect(stored).toHaveProperty('authorities.so.signers', before12.signers);
  });

  it('refuses names typed in capitals, naming the field', async () => {
    const reply = await t.raw('settings.update', {
      ...sampleSettings,
      agency: { ...sampleSettings.agency, name: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH' },
      authorities: {
        ...sampleSettings.authorities,
        ubnd: { ...sampleSettings.authorities.ubnd, name: 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH' },
      },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fieldErrors: {
          'agency.name': expect.stringContaining(
            'nhập như khi viết trong câu, ví dụ “Sở Văn hóa, Thể thao và Du lịch”',
          ),
          'authorities.ubnd.name': expect.stringContaining('Ủy ban nhân dân tỉnh Bắc Ninh'),
        },
      },
    });
  });
});

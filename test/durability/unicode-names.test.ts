// reliability.md §0.11 and 4-D3: composed (NFC) and decomposed (NFD) input, and both tone-mark placements
// ("Hòa"/"Hoà", "Thủy"/"Thuỷ"), are stored as typed in NFC, found by folded search, and flagged as a possible
// duplicate applicant — never merged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReceiveInput, type TestBackend } from '../helpers/test-backend';
import { cleanupTempDirs, configuredBackend } from './durability-helpers';

let t: TestBackend;
beforeEach(async () => {
  t = await configuredBackend();
});
afterEach(async () => {
  await t.close();
  cleanupTempDirs();
});

const OLD_STYLE = 'Nguyễn Thị Hòa'; // tone on the first vowel of "oa"
const NEW_STYLE = 'Nguyễn Thị Hoà'; // QĐ 1989/QĐ-BGDĐT: tone on the second vowel

/** Every spelling a clerk's keyboard (Unikey/Telex, macOS, a pasted PDF) may produce for the same person. */
const hoaVariants = [
  OLD_STYLE.normalize('NFC'),
  OLD_STYLE.normalize('NFD'),
  NEW_STYLE.normalize('NFC'),
  NEW_STYLE.normalize('NFD'),
];
const thuyVariants = ['Lê Văn Thủy', 'Lê Văn Thuỷ'].flatMap((s) => [s.normalize('NFC'), s.normalize('NFD')]);

async function receive(name: string) {
  return t.call('dossiers.receive', await makeReceiveInput(t, { applicant: { kind: 'individual', name } }));
}

describe('Vietnamese applicant names', () => {
  it('the four spellings are really different inputs', () => {
    expect(new Set(hoaVariants).size).toBe(4);
    expect(OLD_STYLE.normalize('NFC')).not.toBe(NEW_STYLE.normalize('NFC'));
    expect(new Set(thuyVariants).size).toBe(4);
  });

  for (const [label, variants] of [
    ['Hòa/Hoà', hoaVariants],
    ['Thủy/Thuỷ', thuyVariants],
  ] as const) {
    it(`${label}: stored as typed in NFC, found by folded search, flagged as the same applicant`, async () => {
      const received = [];
      for (const name of variants) received.push(await receive(name));

      // Stored exactly as typed, except that NFD became NFC; the tone placement is not "corrected".
      expect(received.map((d) => d.applicant.name)).toEqual(variants.map((v) => v.normalize('NFC')));
      const stored = (await t.backend.ctx.db.all(
        'SELECT applicant_name AS name FROM dossiers ORDER BY id',
      )) as Array<{ name: string }>;
      expect(stored.map((r) => r.name)).toEqual(variants.map((v) => v.normalize('NFC')));
      for (const r of stored) expect(r.name).toBe(r.name.normalize('NFC'));

      // Whichever spelling is searched, in whichever form, finds all four.
      const ids = received.map((d) => d.id).sort();
      const queries = [
        ...variants,
        label === 'Hòa/Hoà' ? 'hoa' : 'thuy',
        label === 'Hòa/Hoà' ? 'HOÀ' : 'THỦY',
      ];
      for (const query of queries) {
        const page = await t.call('dossiers.list', { query, limit: 50 });
        expect(page.items.map((i) => i.id).sort(), query).toEqual(ids);
      }

      // Each dossier points at the other three as a possible duplicate applicant; none was merged.
      for (const dossier of received) {
        const detail = await t.call('dossiers.get', { id: dossier.id });
        expect(detail.possibleDuplicates.map((d) => d.id).sort()).toEqual(
          ids.filter((id) => id !== dossier.id),
        );
      }
      expect(new Set(received.map((d) => d.code)).size).toBe(4);
    });
  }

  it('only an equal folded name is flagged: "Hồng" is not; "Hoa" without a tone mark is, as a warning', async () => {
    const a = await receive('Nguyễn Thị Hòa');
    const b = await receive('Nguyễn Thị Hoa'); // no tone mark: a different given name to the clerk …
    const c = await receive('Nguyễn Thị Hồng');
    const detail = await t.call('dossiers.get', { id: c.id });
    expect(detail.possibleDuplicates).toEqual([]);
    // … but folding drops tone marks, so "Hoa" and "Hòa" are shown as a possible duplicate: a warning to
    // check, never a merge.
    expect((await t.call('dossiers.get', { id: b.id })).possibleDuplicates.map((d) => d.id)).toEqual([a.id]);
  });
});

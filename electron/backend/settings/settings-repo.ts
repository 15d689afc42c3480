import type { Sql } from '../store/sql';
import { settingsInputSchema, type Settings } from '../../../shared/api/schemas/settings';
import { upgradeStoredSettings } from './settings-upgrade';
import type { z } from 'zod';

type StoredSettings = z.output<typeof settingsInputSchema>;

const KEY = 'app';

/** What a fresh install shows in the first-run form: a real example, to be confirmed by an administrator. */
export const defaultSettings: StoredSettings = {
  agency: {
    governingBody: 'UBND tỉnh Bắc Ninh',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortSymbol: 'SVHTTDL',
    placeName: 'Bắc Ninh',
    agencyCode: '000.00.00.H00',
    deskName: 'Bộ phận Một cửa',
    address: null,
    phone: null,
    email: null,
  },
  office: {
    utcOffsetMinutes: 420,
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    cutoff: '15:00',
    dueSoonWorkingDays: 2,
    classificationGranularity: 'date',
  },
  authorities: {
    so: { signers: [] },
    ubnd: { name: 'Ủy ban nhân dân tỉnh Bắc Ninh', signers: [] },
  },
  receiverName: null,
  workflow: { requireTwoPeople: true, maxSupplementRequests: 1, signerRoles: ['director'] },
  licensing: {
    numberFormat: '{n}/{symbol}',
    proposer: 'Trưởng phòng Quản lý Báo chí, Xuất bản',
    draftingUnit: 'QLBCXB',
  },
};

export async function readSettings(db: Sql): Promise<Settings> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [KEY]);
  if (!row) return { ...defaultSettings, isConfigured: false, needsReview: [] };
  // Stored settings were validated on write, in the shape of their day: upgrade older shapes, then parse
  // again (which also guards against a hand-edited file).
  const upgraded = upgradeStoredSettings(JSON.parse(row.value));
  const parsed = settingsInputSchema.parse(upgraded.value);
  return { ...parsed, isConfigured: true, needsReview: upgraded.needsReview };
}

export async function writeSettings(db: Sql, value: StoredSettings): Promise<void> {
  await db.run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, JSON.stringify(value)],
  );
}

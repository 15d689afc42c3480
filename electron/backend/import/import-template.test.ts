import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeTestBackend,
  resourcesDir,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { importColumns } from '../../../shared/api/schemas/import';
import { importDossiers } from './import-dossiers';
import { COLUMN_DOCS, IMPORT_TEMPLATE_CSV } from './import-template';

const templates = path.join(resourcesDir, 'templates');
const actor = { id: 'test:admin', name: 'Quản trị' };
let t: TestBackend;

beforeEach(async () => {
  t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
});
afterEach(() => t.close());

describe('the shipped templates', () => {
  it('the CSV template is the header with a BOM, and the documented columns are the template columns', () => {
    const csv = fs.readFileSync(path.join(templates, 'import-template.csv'), 'utf8');
    expect(csv).toBe(IMPORT_TEMPLATE_CSV);
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(','),
    ).toEqual([...importColumns]);
    expect(COLUMN_DOCS.map((d) => d.column)).toEqual([...importColumns]);
    const readme = fs.readFileSync(path.join(templates, 'README-import.md'), 'utf8');
    for (const column of importColumns) expect(readme).toContain(`| \`${column}\` |`);
  });

  it('the empty templates are read and refused for having no rows', async () => {
    for (const name of ['import-template.csv', 'import-template.xlsx']) {
      const bytes = fs.readFileSync(path.join(templates, name));
      const report = await importDossiers(t.backend.ctx, { name, bytes }, { dryRun: true, actor });
      expect(
        report.errors.map((e) => e.code),
        name,
      ).toEqual(['NO_DATA_ROWS']);
    }
  });

  it('the XLSX template, filled in Excel-style, imports; its other sheets are named as ignored', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(path.join(templates, 'import-template.xlsx')) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Du_lieu', 'Huong_dan', 'Thu_tuc']);
    const catalogue = workbook.getWorksheet('Thu_tuc');
    expect(catalogue?.getColumn(1).values).toContain('1.003868');
    const data = workbook.getWorksheet('Du_lieu') as ExcelJS.Worksheet;
    data.addRow([
      'T-1',
      '1.003868',
      'Nguyễn Văn An',
      'truc_tiep',
      new Date(Date.UTC(2024, 2, 4, 8, 15)),
      new Date(Date.UTC(2024, 2, 18)),
      new Date(Date.UTC(2024, 2, 15)),
      null,
      'cap_phep',
      '7/GP-STTTT',
      null,
    ]);
    data.addRow([
      'T-2',
      'PH-DK',
      'Công ty Sách Hà Nội',
      'buu_chinh',
      '05/03/2024',
      '14/03/2024',
      null,
      null,
      'dang_xu_ly',
      null,
      'Chờ bổ sung',
    ]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const report = await importDossiers(t.backend.ctx, { name: 'mau.xlsx', bytes }, { dryRun: false, actor });
    expect(report).toMatchObject({
      outcome: 'imported',
      imported: 2,
      sheetName: 'Du_lieu',
      ignoredSheets: ['Huong_dan', 'Thu_tuc'],
    });
  });
});

describe('migration 0005-import', () => {
  it('adds the append-only batch table and the batch column of dossiers', async () => {
    const db = t.backend.ctx.db;
    // The batch column exists (a query naming it compiles) and is empty for a dossier received at the desk.
    expect(await db.all('SELECT import_batch_id FROM dossiers WHERE import_batch_id IS NOT NULL')).toEqual(
      [],
    );
    await db.run(
      `INSERT INTO import_batches (file_name, sha256, format, sheet_name, total_rows, valid_rows, invalid_rows, imported,
        skipped_duplicates, skip_invalid, imported_at, actor_id, actor_name, app_version)
       VALUES ('a.csv', ?, 'csv', NULL, 1, 1, 0, 1, 0, 0, '2026-11-26T09:30:00+07:00', 'x', 'X', 't')`,
      ['0'.repeat(64)],
    );
    await expect(db.run("UPDATE import_batches SET file_name = 'b.csv'")).rejects.toThrow('append-only');
    await expect(db.run('DELETE FROM import_batches')).rejects.toThrow('append-only');
    await expect(
      db.run(`INSERT INTO import_batches (file_name, sha256, format, total_rows, valid_rows, invalid_rows, imported,
          skipped_duplicates, skip_invalid, imported_at, actor_id, actor_name, app_version)
         VALUES ('a.csv', 'short', 'csv', 1, 1, 0, 1, 0, 0, 'now', 'x', 'X', 't')`),
    ).rejects.toThrow();
  });
});

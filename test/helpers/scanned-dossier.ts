import fs from 'node:fs';
import path from 'node:path';
import { makeReceiveInput, makeTestBackend, sampleSettings, type TestBackend } from './test-backend';
import { uploadThroughApi } from './attachment-upload';
import { makePdf, makePng } from './scan-fixtures';
import { filesDirOf } from '../../electron/backend/files/content-store';

export interface ScannedDossier {
  t: TestBackend;
  dossierId: number;
  /** Component 1, "Đơn.pdf". */
  pdf: Buffer;
  /** Component 2, "trang.png". */
  png: Buffer;
}

/** A fresh backend with one dossier whose first two components have a scan each, uploaded through the API. */
export async function makeScannedDossier(): Promise<ScannedDossier> {
  const t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
  const dossierId = (await t.call('dossiers.receive', await makeReceiveInput(t))).id;
  const pdf = await makePdf('Don de nghi', 2);
  const png = makePng(50, 30, 5);
  for (const [no, name, bytes] of [
    [1, 'Đơn.pdf', pdf],
    [2, 'trang.png', png],
  ] as const) {
    const r = await uploadThroughApi(t, { dossierId, componentNo: no, fileName: name }, bytes);
    if (!r.ok) throw new Error(r.error.message);
  }
  return { t, dossierId, pdf, png };
}

/** Where the content store keeps the file with this hash. */
export const liveFileOf = (t: TestBackend, sha: string) =>
  path.join(filesDirOf(t.dataDir), sha.slice(0, 2), sha.slice(2, 4), sha);

/** Flips one bit of a stored (read-only) file, as a failing disk or a tamperer would. */
export function flipStoredByte(file: string, at = 100): void {
  fs.chmodSync(file, 0o644);
  const bytes = fs.readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  fs.writeFileSync(file, bytes);
}

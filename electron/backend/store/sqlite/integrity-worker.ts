import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

export interface FileIntegrity {
  /** integrity_check's lines: ['ok'] when sound. */
  integrity: string[];
  danglingReferences: number;
}

/*
 * integrity_check reads every page and cannot be cut into steps: on a store of a million dossiers it takes tens
 * of seconds, and on the main thread it would freeze the office server for every desk (the daily backup's check
 * of its copy, the weekly verification). It runs on its own read-only connection in a worker thread instead.
 * The worker is plain JavaScript given as text, so it needs no bundle entry of its own; it loads the same
 * better-sqlite3 the backend uses, by absolute path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  const integrity = db.pragma('integrity_check').map((r) => r.integrity_check);
  const danglingReferences = integrity.length === 1 && integrity[0] === 'ok'
    ? db.pragma('foreign_key_check').length : 0;
  parentPort.postMessage({ integrity, danglingReferences });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error), code: error && error.code });
} finally {
  if (db) db.close();
}
`;

function betterSqlitePath(): string {
  // CommonJS bundles have `require`; the test runner's ES modules resolve from this file.
  const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
  return resolver.resolve('better-sqlite3');
}

/** integrity_check and foreign_key_check of the database file `file`, on a worker thread. */
export function checkFileInWorker(file: string): Promise<FileIntegrity> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, modulePath: betterSqlitePath() },
    });
    let answered = false;
    worker.once('message', (result: FileIntegrity | { error: string; code?: string }) => {
      answered = true;
      if ('error' in result) reject(Object.assign(new Error(result.error), { code: result.code }));
      else resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`integrity worker for ${file} exited with code ${code}`));
    });
  });
}

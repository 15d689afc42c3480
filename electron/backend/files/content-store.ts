import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { fsyncDir, fsyncFile as syncFile, hashFile as hashStoredFile } from '../backup/durable-fs';

/** Lower-case hex SHA-256: the only names the store gives its files. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The store's folder inside a data folder (beside the office server's data when the store is PostgreSQL). */
export function filesDirOf(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export class ContentStoreError extends Error {
  constructor(
    readonly kind: 'hash-mismatch' | 'bad-hash' | 'altered-existing',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Content-addressed files: `<root>/ab/cd/<sha256>`. A file is written once — temp file in `<root>/.staging`,
 * fsync, hard link (or rename) to its final name, fsync of the folders — and never overwritten, changed or
 * deleted: a name IS its content's hash, so storing the same bytes twice is a no-op and a different scan is a
 * different file. Stored files are made read-only as a guard against accidental edits (not against an
 * administrator: `licence-desk verify` re-hashes every file to catch that).
 */
export class ContentStore {
  readonly stagingDir: string;

  constructor(readonly root: string) {
    this.stagingDir = path.join(root, '.staging');
  }

  pathOf(sha256: string): string {
    if (!SHA256_PATTERN.test(sha256)) throw new ContentStoreError('bad-hash', `not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /** A fresh file name in the staging folder (same file system as the store, so the final link is atomic). */
  stagingFile(label = 'tmp'): string {
    fs.mkdirSync(this.stagingDir, { recursive: true });
    return path.join(this.stagingDir, `${process.pid}-${randomBytes(8).toString('hex')}-${label}`);
  }

  /**
   * Moves a complete, fsynced staging file into the store under its hash. The hash is recomputed from the
   * disk: what the name promises is what was written. The staging file is gone afterwards in every case.
   * Returns false when the content was already stored (the existing file is left untouched).
   */
  async adopt(stagingFile: string, expectedSha256: string): Promise<boolean> {
    try {
      const actual = await hashStoredFile(stagingFile);
      if (actual.sha256 !== expectedSha256) {
        throw new ContentStoreError(
          'hash-mismatch',
          `staged content hashes to ${actual.sha256}, expected ${expectedSha256}`,
        );
      }
      syncFile(stagingFile);
      return this.link(stagingFile, expectedSha256, actual.sizeBytes);
    } finally {
      removeQuietly(stagingFile);
    }
  }

  /** Stores bytes held in memory (a licence PDF produced at issue time). */
  async putBytes(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number; isNew: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (this.has(sha256)) {
      const existing = fs.statSync(this.pathOf(sha256)).size;
      if (existing === bytes.length) return { sha256, sizeBytes: bytes.length, isNew: false };
    }
    const temp = this.stagingFile('put');
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const isNew = await this.adopt(temp, sha256);
    return { sha256, sizeBytes: bytes.length, isNew };
  }

  private link(stagingFile: string, sha256: string, sizeBytes: number): boolean {
    const final = this.pathOf(sha256);
    const inner = path.dirname(final);
    const outer = path.dirname(inner);
    const created = [outer, inner].filter((dir) => !fs.existsSync(dir));
    fs.mkdirSync(inner, { recursive: true });
    if (created.length > 0) {
      fsyncDir(this.root);
      fsyncDir(outer);
    }
    try {
      // link() never replaces an existing name, unlike rename(): the store cannot overwrite a file.
      fs.linkSync(stagingFile, final);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return this.keepExisting(final, sha256, sizeBytes);
      // File systems without hard links (FAT on a USB disk): the name was checked free just above, and a
      // racing writer of the same name writes the same bytes.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
      if (fs.existsSync(final)) return this.keepExisting(final, sha256, sizeBytes);
      fs.renameSync(stagingFile, final);
    }
    try {
      fs.chmodSync(final, 0o444);
    } catch {
      // Read-only is a courtesy guard; a file system that ignores modes loses nothing.
    }
    fsyncDir(inner);
    return true;
  }

  private keepExisting(final: string, sha256: string, sizeBytes: number): false {
    if (fs.statSync(final).size !== sizeBytes) {
      // Never "repair" by overwriting: an altered file is evidence, reported by verify.
      throw new ContentStoreError('altered-existing', `stored file ${sha256} has the wrong size`);
    }
    return false;
  }

  /** Staging leftovers of processes that died mid-upload (their pid is gone) or older than a day. */
  cleanStaging(isAlive: (pid: number) => boolean, nowMs = Date.now()): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.stagingDir);
    } catch {
      return [];
    }
    const removed: string[] = [];
    for (const name of names) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1] ?? 0);
      const file = path.join(this.stagingDir, name);
      let age = 0;
      try {
        age = nowMs - fs.statSync(file).mtimeMs;
      } catch {
        continue;
      }
      if ((pid !== process.pid && !isAlive(pid)) || age > 24 * 3_600_000) {
        removeQuietly(file);
        removed.push(name);
      }
    }
    return removed;
  }
}

/** The backup module's streamed hash and fsync serve the content store too. */
export { hashStoredFile, syncFile };

export function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone, or nothing more we can do; staging is cleaned again at the next start
  }
}

import fs from 'node:fs';
import { createHash } from 'node:crypto';

/**
 * Pushes a file's data to the disk. SQLite's backup API does not promise that its output reached the disk
 * (the same caveat as VACUUM INTO, reliability.md §0.6), and a backup is worthless if a power cut right after
 * "Sao lưu thành công" loses it. 'r+' because Windows' FlushFileBuffers needs a handle opened for writing.
 */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Makes a create/rename in `dir` durable: on POSIX a new directory entry is only safe once the directory itself
 * is synced. Windows cannot open a directory as a file (NTFS journals its metadata), and some file systems
 * (vfat on a USB stick, SMB mounts) refuse fsync on a directory: there is nothing more we can do there.
 */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `text` to `tempFile`, syncs it, and only then renames it over `finalFile` (then syncs the folder). */
export function writeFileDurably(tempFile: string, finalFile: string, text: string, dir: string): void {
  writeAndSync(tempFile, text);
  fs.renameSync(tempFile, finalFile);
  fsyncDir(dir);
}

export function writeAndSync(file: string, text: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** SHA-256 (hex) and size of a file, streamed so a large store does not sit in memory. */
export async function hashFile(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    sizeBytes += buffer.length;
    hash.update(buffer);
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/** Removes a file if it is there; a file that is already gone is not an error. */
export function removeIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

import fs from 'node:fs';
import { createHash, randomUUID, type Hash } from 'node:crypto';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { CHUNK_BYTES } from '../../../shared/api/schemas/attachments';
import { removeQuietly } from '../files/content-store';
import { contentStoreOf, mapFileError, type AttachTarget } from './attach-file';

/**
 * Uploads in progress. A chunked upload needs state between calls; it lives in the backend process's memory
 * (one per backend, in a WeakMap like the backup progress sinks) plus one staging file outside the final store.
 * Nothing of an upload is visible until commit; an upload cut off midway (closed window, dropped network,
 * killed process) leaves only its staging file, removed on abort, after IDLE_MS without a chunk, or at the next
 * start (ContentStore.cleanStaging).
 */
export interface UploadSession {
  id: string;
  ownerId: string;
  target: AttachTarget;
  sizeBytes: number;
  sha256: string;
  stagingFile: string;
  fd: number;
  nextIndex: number;
  receivedBytes: number;
  hash: Hash;
  lastActivityMs: number;
}

const IDLE_MS = 30 * 60_000;
const MAX_PER_USER = 8;
const registries = new WeakMap<BackendContext, Map<string, UploadSession>>();

function registry(ctx: BackendContext): Map<string, UploadSession> {
  let map = registries.get(ctx);
  if (!map) {
    map = new Map();
    registries.set(ctx, map);
  }
  return map;
}

export function closeSession(ctx: BackendContext, session: UploadSession): void {
  registry(ctx).delete(session.id);
  try {
    fs.closeSync(session.fd);
  } catch {
    // already closed
  }
  removeQuietly(session.stagingFile);
}

function expireIdle(ctx: BackendContext): void {
  const now = ctx.clock.now().getTime();
  for (const session of registry(ctx).values()) {
    if (now - session.lastActivityMs > IDLE_MS) {
      ctx.log.info('upload expired', { uploadId: session.id });
      closeSession(ctx, session);
    }
  }
}

export function openUpload(
  ctx: BackendContext,
  caller: CallSession,
  target: AttachTarget,
  sizeBytes: number,
  sha256: string,
): UploadSession {
  expireIdle(ctx);
  const mine = [...registry(ctx).values()].filter((s) => s.ownerId === caller.actor.id);
  if (mine.length >= MAX_PER_USER) {
    throw new AppError(
      'BUSY',
      'Bạn đang tải lên quá nhiều tệp cùng lúc; hãy đợi các tệp đang gửi hoàn tất.',
      {
        logMessage: `too many uploads for ${caller.actor.id}`,
      },
    );
  }
  const store = contentStoreOf(ctx);
  let stagingFile: string;
  let fd: number;
  try {
    stagingFile = store.stagingFile('upload');
    fd = fs.openSync(stagingFile, 'wx', 0o600);
  } catch (error) {
    throw mapFileError(error, ctx);
  }
  const session: UploadSession = {
    id: randomUUID(),
    ownerId: caller.actor.id,
    target,
    sizeBytes,
    sha256,
    stagingFile,
    fd,
    nextIndex: 0,
    receivedBytes: 0,
    hash: createHash('sha256'),
    lastActivityMs: ctx.clock.now().getTime(),
  };
  registry(ctx).set(session.id, session);
  return session;
}

/** The caller's own upload; another user's id is "not found" (ids are random, and never shared). */
export function findUpload(ctx: BackendContext, caller: CallSession, uploadId: string): UploadSession {
  const session = registry(ctx).get(uploadId);
  if (!session || session.ownerId !== caller.actor.id) {
    throw new AppError(
      'NOT_FOUND',
      'Phiên tải lên không còn (đã hủy, quá 30 phút không hoạt động hoặc ứng dụng đã khởi động lại). Hãy đính kèm lại tệp.',
      { logMessage: `unknown upload ${uploadId}` },
    );
  }
  return session;
}

/** Appends one chunk; chunks must come in order, each ≤ CHUNK_BYTES, never past the announced size. */
export function appendChunk(
  ctx: BackendContext,
  session: UploadSession,
  index: number,
  base64: string,
): number {
  const bytes = Buffer.from(base64, 'base64');
  const fail = (message: string, log: string) => {
    closeSession(ctx, session);
    return new AppError('VALIDATION_FAILED', message, { logMessage: log });
  };
  if (index !== session.nextIndex) {
    throw fail(
      'Các phần của tệp đến không đúng thứ tự; việc tải lên đã bị hủy, hãy đính kèm lại.',
      `chunk ${index} != ${session.nextIndex}`,
    );
  }
  if (
    bytes.length === 0 ||
    bytes.length > CHUNK_BYTES ||
    session.receivedBytes + bytes.length > session.sizeBytes
  ) {
    throw fail(
      'Dữ liệu tải lên dài hơn kích thước tệp đã báo; việc tải lên đã bị hủy.',
      `chunk overflow at ${index}`,
    );
  }
  try {
    fs.writeSync(session.fd, bytes, 0, bytes.length, session.receivedBytes);
  } catch (error) {
    closeSession(ctx, session);
    throw mapFileError(error, ctx);
  }
  session.hash.update(bytes);
  session.receivedBytes += bytes.length;
  session.nextIndex += 1;
  session.lastActivityMs = ctx.clock.now().getTime();
  return session.receivedBytes;
}

/** Closes the staging file once every byte is in and the running hash matches; the file is then attached. */
export function finishUpload(ctx: BackendContext, session: UploadSession): void {
  registry(ctx).delete(session.id);
  try {
    fs.fsyncSync(session.fd);
  } catch (error) {
    fs.closeSync(session.fd);
    removeQuietly(session.stagingFile);
    throw mapFileError(error, ctx);
  }
  fs.closeSync(session.fd);
  if (session.receivedBytes !== session.sizeBytes) {
    removeQuietly(session.stagingFile);
    throw new AppError(
      'VALIDATION_FAILED',
      `Tệp chưa được gửi hết (${session.receivedBytes}/${session.sizeBytes} byte): việc tải lên bị ngắt giữa chừng. Hồ sơ không thay đổi; hãy đính kèm lại.`,
      { logMessage: `incomplete upload ${session.id}` },
    );
  }
  if (session.hash.digest('hex') !== session.sha256) {
    removeQuietly(session.stagingFile);
    throw new AppError(
      'VALIDATION_FAILED',
      'Tệp nhận được không khớp mã kiểm tra SHA-256 do máy gửi tính (lỗi đường truyền). Hồ sơ không thay đổi; hãy đính kèm lại.',
      { logMessage: `upload ${session.id} hash mismatch` },
    );
  }
}

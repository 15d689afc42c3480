import { createHash } from 'node:crypto';
import type { TestBackend } from './test-backend';
import type { MethodOutput } from '../../shared/api/contract';
import type { Caller } from '../../electron/backend/context';
import type { Envelope } from '../../shared/api/errors';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Uploads `bytes` through the public API exactly as the renderer does: begin (with the hash computed on the
 * sending side), 1 MiB chunks, commit. Returns the commit's envelope (or the first failing one).
 */
export async function uploadThroughApi(
  t: TestBackend,
  target: { dossierId: number; componentNo: number; fileName: string; replacesId?: number },
  bytes: Uint8Array,
  options: { caller?: Caller; stopAfterChunks?: number; declaredSha256?: string } = {},
): Promise<Envelope<MethodOutput<'attachments.commit'>>> {
  const begin = await t.raw(
    'attachments.begin',
    { ...target, sizeBytes: bytes.length, sha256: options.declaredSha256 ?? sha256Of(bytes) },
    options.caller,
  );
  if (!begin.ok) return begin as never;
  const { uploadId, chunkBytes } = begin.data as MethodOutput<'attachments.begin'>;
  let index = 0;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    if (options.stopAfterChunks !== undefined && index >= options.stopAfterChunks) break;
    const part = Buffer.from(bytes.subarray(offset, offset + chunkBytes)).toString('base64');
    const sent = await t.raw('attachments.chunk', { uploadId, index, base64: part }, options.caller);
    if (!sent.ok) return sent as never;
    index += 1;
  }
  return (await t.raw('attachments.commit', { uploadId }, options.caller)) as never;
}

/** Reads a stored file back through attachments.read, slice by slice. */
export async function downloadThroughApi(t: TestBackend, fileId: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const slice = await t.call('attachments.read', { fileId, offset });
    parts.push(Buffer.from(slice.base64, 'base64'));
    offset += Buffer.from(slice.base64, 'base64').length;
    if (offset >= slice.sizeBytes || slice.base64 === '') return Buffer.concat(parts);
  }
}

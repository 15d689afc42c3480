import fs from 'node:fs';
import { createHash } from 'node:crypto';
import {
  classifyContent,
  HEAD_BYTES,
  PDF_ENCRYPT_MARKER,
  sniffMediaType,
  TAIL_BYTES,
  type ContentFacts,
  type ContentProblem,
  type MediaType,
} from '../../../shared/domain/attachments/file-content';

export interface InspectedFile {
  sha256: string;
  sizeBytes: number;
  verdict: { ok: true; type: MediaType } | { ok: false; problem: ContentProblem };
}

const MARKER = Buffer.from(PDF_ENCRYPT_MARKER, 'latin1');

/**
 * Reads a file once: its SHA-256, its size, and the facts the content checks need (head, tail, whether a PDF
 * carries /Encrypt — searched across read boundaries). The hash is of the bytes on disk, the ones stored.
 */
export async function inspectFile(file: string, fileName: string): Promise<InspectedFile> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let isPdf: boolean | null = null;
  let hasEncryptMarker = false;
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    sizeBytes += buffer.length;
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, buffer.subarray(0, HEAD_BYTES - head.length)]);
    if (isPdf === null && head.length >= 5) isPdf = sniffMediaType(head) === 'application/pdf';
    if (isPdf && !hasEncryptMarker) {
      const window = Buffer.concat([carry, buffer]);
      hasEncryptMarker = window.includes(MARKER);
      carry = window.subarray(Math.max(0, window.length - MARKER.length + 1));
    }
    tail = Buffer.concat([tail, buffer]);
    if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
  }
  const facts: ContentFacts = { sizeBytes, head, tail, hasEncryptMarker };
  return { sha256: hash.digest('hex'), sizeBytes, verdict: classifyContent(facts, fileName) };
}

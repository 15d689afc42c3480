import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { verifyLicencePayload } from './licence-signature';
import type { PublicKeyDirectory, VerifyFailure, VerifyResult } from './licence-signature';

/*
 * The signed payload travels in the licence PDF twice: drawn as a QR code for people with a phone, and as a
 * custom entry of the document Info dictionary for software. Reading a QR code back out of a PDF would need
 * an image decoder; the Info entry can be read with pdf-lib alone, which is what
 * `licence-desk verify-licence file.pdf` does. (The licence also prints the text in a small line at the foot
 * of the page, so pdftotext finds it too.)
 */

/** Custom key of the document Info dictionary holding the signed payload text. */
export const LICENCE_PAYLOAD_INFO_KEY = 'LicenceDeskPayload';

/** Stores the signed payload in the document Info dictionary (creating the dictionary if needed). */
export function embedLicencePayload(doc: PDFDocument, payloadText: string): void {
  const text = payloadText.trim();
  // The signed text is ASCII by construction (licence-signature.ts); anything else is not ours.
  if (!/^[\x21-\x7e]+$/.test(text)) throw new RangeError('Licence payload text must be printable ASCII');
  infoDict(doc).set(PDFName.of(LICENCE_PAYLOAD_INFO_KEY), PDFString.of(text));
}

/** The payload text stored in a licence PDF, or null if the file has none. Throws if the bytes are no PDF. */
export async function readLicencePayloadFromPdf(bytes: Uint8Array): Promise<string | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  const value = info?.lookup(PDFName.of(LICENCE_PAYLOAD_INFO_KEY));
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

export type PdfVerifyResult = VerifyResult | { readonly ok: false; readonly reason: 'no_payload' };
export type PdfVerifyFailure = VerifyFailure | 'no_payload';

/** Reads the payload from a licence PDF and verifies it against the office's published keys. */
export async function verifyLicencePdf(
  bytes: Uint8Array,
  publicKeysByKeyId: PublicKeyDirectory,
): Promise<PdfVerifyResult> {
  const text = await readLicencePayloadFromPdf(bytes);
  if (text === null) return { ok: false, reason: 'no_payload' };
  return verifyLicencePayload(text, publicKeysByKeyId);
}

function infoDict(doc: PDFDocument): PDFDict {
  const existing = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  if (existing !== undefined) return existing;
  const created = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(created);
  return created;
}

import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  LICENCE_PAYLOAD_INFO_KEY,
  embedLicencePayload,
  readLicencePayloadFromPdf,
  verifyLicencePdf,
} from './licence-pdf-payload';
import { generateSigningKey, signLicencePayload } from './licence-signature';

const key = generateSigningKey();
const keys = { [key.keyId]: key.publicKeyPem };
const signed = signLicencePayload(
  {
    v: 1,
    no: '12/GP-SVHTTDL',
    holder: 'Hội Văn học Nghệ thuật tỉnh Bắc Ninh',
    procedure: 'XB-TLKKD',
    issuedOn: '2026-03-05',
    issuer: 'UBND tỉnh Bắc Ninh',
    keyId: key.keyId,
  },
  key.privateKeyPem,
);

async function pdfWith(payload?: string, useObjectStreams = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.setTitle('Giấy phép');
  if (payload !== undefined) embedLicencePayload(doc, payload);
  return doc.save({ useObjectStreams });
}

describe('licence payload in the PDF Info dictionary', () => {
  it('is written under a custom key and read back with pdf-lib', async () => {
    // Without object streams the Info dictionary is plain text in the file: any PDF tool can read it.
    const plainText = Buffer.from(await pdfWith(signed, false)).toString('latin1');
    expect(plainText).toContain(`/${LICENCE_PAYLOAD_INFO_KEY} (${signed})`);
    const pdf = await pdfWith(signed);
    expect(await readLicencePayloadFromPdf(pdf)).toBe(signed);
    expect(await verifyLicencePdf(pdf, keys)).toMatchObject({ ok: true, payload: { no: '12/GP-SVHTTDL' } });
  });

  it('works on a document without an Info dictionary', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    embedLicencePayload(doc, signed);
    expect(await readLicencePayloadFromPdf(await doc.save())).toBe(signed);
  });

  it('reports a PDF without a payload, and a forged one', async () => {
    const plain = await pdfWith();
    expect(await readLicencePayloadFromPdf(plain)).toBeNull();
    expect(await verifyLicencePdf(plain, keys)).toEqual({ ok: false, reason: 'no_payload' });
    const [prefix, body, signature] = signed.split('.') as [string, string, string];
    const json = Buffer.from(body, 'base64url').toString('utf8').replace('Bắc Ninh', 'Bắc Giang');
    const forged = `${prefix}.${Buffer.from(json).toString('base64url')}.${signature}`;
    expect(await verifyLicencePdf(await pdfWith(forged), keys)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('accepts only printable ASCII', async () => {
    const doc = await PDFDocument.create();
    expect(() => embedLicencePayload(doc, 'LD1.Bắc')).toThrow(/ASCII/);
    expect(() => embedLicencePayload(doc, 'LD1.a)b c')).toThrow(/ASCII/);
  });
});

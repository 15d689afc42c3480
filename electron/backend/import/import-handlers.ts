import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { importDossiers } from './import-dossiers';
import { publishDossiersChanged, publishJobProgress, throttleProgress } from '../events/publish';

const IMPORT_PHASES = { read: 'Đọc tệp', check: 'Kiểm tra từng dòng', write: 'Ghi dữ liệu' } as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `import.dossiers` (admin): the file arrives as base64 — every transport carries JSON. */
export const importHandlers = {
  'import.dossiers': async (input, ctx, session) => {
    if (input.base64.length % 4 !== 0 || !BASE64.test(input.base64)) {
      const message = 'Nội dung tệp gửi lên không hợp lệ (không phải base64). Hãy chọn lại tệp.';
      throw new AppError('VALIDATION_FAILED', message, {
        fieldErrors: { base64: message },
        logMessage: 'import.dossiers: payload is not base64',
      });
    }
    const bytes = Buffer.from(input.base64, 'base64');
    // Progress goes to the one who started the import, through the same event stream as every change.
    const progress = throttleProgress((p) => publishJobProgress(ctx, session, p));
    const report = await importDossiers(
      ctx,
      { name: input.fileName, bytes },
      {
        dryRun: input.dryRun,
        skipInvalid: input.skipInvalid,
        actor: session.actor,
        onProgress: (p) =>
          progress({ jobId: 'import', done: p.done, total: p.total, label: IMPORT_PHASES[p.phase] }),
      },
    );
    if (report.outcome === 'imported' && report.imported > 0)
      publishDossiersChanged(ctx, session, { ids: [], isBulk: true, action: 'import' });
    return report;
  },
} satisfies Pick<Handlers, 'import.dossiers'>;

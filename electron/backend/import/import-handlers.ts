import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { importDossiers } from './import-dossiers';

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
    // Progress: the backend has no event channel in ctx yet; when it has one, pass
    // onProgress: (p) => emit({ type: 'job.progress', payload: { jobId, done: p.done, total: p.total, label: p.phase } }).
    return importDossiers(
      ctx,
      { name: input.fileName, bytes },
      { dryRun: input.dryRun, skipInvalid: input.skipInvalid, actor: session.actor },
    );
  },
} satisfies Pick<Handlers, 'import.dossiers'>;

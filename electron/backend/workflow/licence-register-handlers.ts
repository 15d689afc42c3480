import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { recordAudit } from '../audit/record-audit';
import { officeNow } from '../office-clock';
import { licenceOf } from './workflow-repo';
import { workflowHandlers } from './workflow-handlers';
import { publishDossiersChanged } from '../events/publish';

export const licenceRegisterHandlers = {
  'licences.void': async (input, ctx, session) => {
    const licence = await licenceOf(ctx.db, input.dossierId);
    if (!licence) throw new AppError('INVALID_TRANSITION', 'Hồ sơ chưa được cấp số giấy phép.');
    if (licence.void_reason !== null) {
      throw new AppError('INVALID_TRANSITION', `Giấy phép ${licence.formatted} đã bị hủy trước đó.`);
    }
    await ctx.db.transaction(async () => {
      await ctx.db.run(
        'INSERT INTO licence_voids (licence_id, voided_at, voided_by, reason) VALUES (?, ?, ?, ?)',
        [licence.id, (await officeNow(ctx)).iso, session.userId, input.reason],
      );
      await recordAudit(ctx, session, {
        action: 'licences.void',
        entityType: 'licence',
        entityId: licence.id,
        payload: { number: licence.formatted, dossierId: input.dossierId, reason: input.reason },
      });
    });
    publishDossiersChanged(ctx, session, { ids: [input.dossierId], action: 'voidLicence' });
    return workflowHandlers['workflow.view']({ dossierId: input.dossierId }, ctx, session);
  },

  'licences.setSeriesStart': async (input, ctx, session) => {
    // Once a number of that year is taken, the start can no longer move: the register must stay gapless.
    const taken = (await ctx.db.get('SELECT count(*) AS n FROM licences WHERE series = ? AND year = ?', [
      input.series,
      input.year,
    ])) as {
      n: number;
    };
    if (taken.n > 0) {
      throw new AppError(
        'CONFLICT',
        `Sổ ${input.series} năm ${input.year} đã cấp ${taken.n} số; không thể đổi số bắt đầu.`,
        { logMessage: 'series start after issue refused' },
      );
    }
    await ctx.db.transaction(async () => {
      await ctx.db.run(
        `INSERT INTO licence_series (series, format, symbol, start_number, start_year) VALUES (?, '{n}/{symbol}', ?, ?, ?)
           ON CONFLICT (series) DO UPDATE SET start_number = excluded.start_number, start_year = excluded.start_year`,
        [input.series, input.series, input.startNumber, input.year],
      );
      await recordAudit(ctx, session, {
        action: 'licences.setSeriesStart',
        entityType: 'licence-series',
        entityId: input.series,
        payload: input,
      });
    });
    return { series: input.series, year: input.year, startNumber: input.startNumber };
  },
} satisfies Pick<Handlers, 'licences.void' | 'licences.setSeriesStart'>;

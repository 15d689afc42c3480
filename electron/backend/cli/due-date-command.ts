import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { dispatch } from '../dispatch';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import {
  DeadlineInputError,
  normalizeDeadlineInput,
  parseTypedPause,
  type ClockPause,
} from '../../../shared/domain/deadline';
import { officeHoursOf } from '../calendar/deadline-service';

/**
 * `licence-desk due-date`: the same `calendar.dueDate` method the app uses, through dispatch. `--pause`
 * takes dates as a person types them as well as date-times (typed-pause.ts says what time a date means).
 */
export async function dueDateCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      received: { type: 'string' },
      days: { type: 'string' },
      unit: { type: 'string', default: 'wd' },
      procedure: { type: 'string' },
      pause: { type: 'string', multiple: true, default: [] },
      restart: { type: 'boolean', default: false },
      event: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.received) {
    env.stderr(
      '--received is required: an ISO-8601 date-time with its offset, e.g. 2026-11-26T09:30:00+07:00\n',
    );
    return 1;
  }
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const settings = await dispatch(backend, 'settings.get', {}, localSession());
    if (!settings.ok) throw new Error(settings.error.message);
    let pauses: ClockPause[];
    try {
      // The office's opening time and offset give a typed date its moment.
      const office = officeHoursOf(settings.data as MethodOutput<'settings.get'>);
      const receivedAt = values.received;
      pauses = values.pause.map((spec, index) => parseTypedPause(spec, index, { receivedAt, office }));
      // Checked here too (order, overlap, before the receipt) to say what is wrong in both languages.
      normalizeDeadlineInput({
        receivedAt,
        rule: { amount: 1, unit: 'wd', pauseMode: 'pause' },
        pauses,
        office,
        now: receivedAt,
      });
    } catch (error) {
      if (!(error instanceof DeadlineInputError)) throw error;
      env.stderr(`${error.messageVi}\n(${error.messageEn})\n`);
      return 1;
    }
    const input: MethodInput<'calendar.dueDate'> = {
      receivedAt: values.received,
      unit: values.unit as 'wd' | 'cd',
      restart: values.restart,
      pauses,
      ...(values.procedure !== undefined ? { procedureId: values.procedure } : {}),
      ...(values.days !== undefined ? { days: Number(values.days) } : {}),
      ...(values.event !== undefined ? { eventAt: values.event } : {}),
    };
    const reply = await dispatch(backend, 'calendar.dueDate', input, localSession());
    if (!reply.ok) {
      env.stderr(`${reply.error.message}\n`);
      for (const [field, message] of Object.entries(reply.error.fieldErrors ?? {}))
        env.stderr(`  ${field}: ${message}\n`);
      return 1;
    }
    const result = reply.data as MethodOutput<'calendar.dueDate'>;
    if (values.json) {
      env.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    if (result.state === 'due')
      env.stdout(`Hạn trả kết quả: ${result.dueAt} (bắt đầu tính từ ${result.countFrom})\n`);
    if (result.state === 'paused') env.stdout(`Tạm dừng – chờ bổ sung (${result.pausedWorkingDays} ngày)\n`);
    if (result.state === 'event') env.stdout(`Hạn nộp muộn nhất: ${result.dueAt}\n`);
    for (const entry of result.ledger) {
      const n = entry.dayNumber === null ? '' : ` [${entry.dayNumber}]`;
      env.stdout(
        `${entry.date}  ${entry.kind.padEnd(15)} ${entry.label}${n}${entry.note ? ` — ${entry.note}` : ''}\n`,
      );
    }
    return 0;
  } finally {
    await backend.close();
  }
}

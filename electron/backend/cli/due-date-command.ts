import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { dataDirFrom, openBackend, reportStartupError } from './cli-context';
import { readSettings } from '../settings/settings-repo';
import { readCalendarSource } from '../calendar/calendar-repo';
import { listProcedures } from '../procedures/procedure-repo';
import { WorkingCalendar, DomainError } from '../../../shared/domain/calendar';
import {
  computeDeadline,
  type ClockPause,
  type DeadlineUnit,
  type PauseMode,
} from '../../../shared/domain/deadline';
import { officeDate, toOfficeIso } from '../../../shared/domain/office-time';

export async function dueDateCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      received: { type: 'string' },
      days: { type: 'string' },
      unit: { type: 'string', default: 'wd' },
      procedure: { type: 'string' },
      pause: { type: 'string', multiple: true, default: [] },
      restart: { type: 'boolean', default: false },
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
  if ((values.days === undefined) === (values.procedure === undefined)) {
    env.stderr('Give exactly one of --days N or --procedure ID\n');
    return 1;
  }
  let backend;
  try {
    backend = openBackend(env, dataDirFrom(values.data), 'cli');
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const { db } = backend.ctx;
    const settings = readSettings(db);
    let amount: number;
    let unit: DeadlineUnit;
    let pauseMode: PauseMode = values.restart ? 'restart' : 'pause';
    if (values.procedure !== undefined) {
      const today = officeDate(backend.ctx.clock.now(), settings.office.utcOffsetMinutes);
      const p = listProcedures(db, today).find(
        (x) => x.id === values.procedure || x.code === values.procedure,
      );
      if (!p) {
        env.stderr(`Unknown procedure: ${values.procedure}\n`);
        return 1;
      }
      if (p.deadline === null || p.deadlineUnit === null) {
        env.stderr(`Procedure ${p.id} has no deadline configured (cần cấu hình)\n`);
        return 1;
      }
      amount = p.deadline;
      unit = p.deadlineUnit;
      if (!values.restart) pauseMode = p.pauseMode;
    } else {
      amount = Number(values.days);
      if (values.unit !== 'wd' && values.unit !== 'cd') {
        env.stderr('--unit must be wd (working days) or cd (calendar days)\n');
        return 1;
      }
      unit = values.unit;
    }
    const pauses: ClockPause[] = [];
    for (const spec of values.pause) {
      const [from, to] = spec.split('/');
      if (!from) {
        env.stderr(
          `--pause must be FROM/TO (ISO date-times with offset; TO may be empty while waiting): ${spec}\n`,
        );
        return 1;
      }
      pauses.push({ from, to: to ? to : null, reason: 'Chờ bổ sung hồ sơ' });
    }
    try {
      const result = computeDeadline({
        receivedAt: values.received,
        rule: { amount, unit, pauseMode },
        pauses,
        calendar: WorkingCalendar.from(readCalendarSource(db)),
        office: settings.office,
        now: toOfficeIso(backend.ctx.clock.now(), settings.office.utcOffsetMinutes),
      });
      if (values.json) {
        env.stdout(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        if (result.state === 'due')
          env.stdout(`Hạn trả kết quả: ${result.dueAt} (bắt đầu tính từ ${result.countFrom})\n`);
        if (result.state === 'paused')
          env.stdout(`Tạm dừng – chờ bổ sung (${result.pausedWorkingDays} ngày)\n`);
        for (const entry of result.ledger) {
          const n = entry.dayNumber === undefined ? '' : ` [${entry.dayNumber}]`;
          env.stdout(
            `${entry.date}  ${entry.kind.padEnd(15)} ${entry.label}${n}${entry.note ? ` — ${entry.note}` : ''}\n`,
          );
        }
      }
      return 0;
    } catch (error) {
      if (error instanceof DomainError) {
        env.stderr(`${error.messageVi}\n(${error.code}: ${error.messageEn})\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    backend.close();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { dispatch } from '../dispatch';
import type { MethodOutput } from '../../../shared/api/contract';
import type { ErrorPayload } from '../../../shared/api/errors';
import { bieu06Keys } from '../../../shared/domain/statistics';

export const REPORT_USAGE =
  'licence-desk report --from YYYY-MM-DD --to YYYY-MM-DD --format json|xlsx|pdf --out FILE [--data DIR]';

const FORMATS = ['json', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

type ReportRow = MethodOutput<'stats.report'>['rows'][number];

/** One JSON row: what the row is, then the thirteen columns' numbers (3)–(13) as c3 … c13. */
function jsonRow(row: ReportRow) {
  return {
    kind: row.kind,
    stt: row.stt,
    sector: row.sector,
    procedure: row.procedure,
    procedureId: row.procedureId,
    procedureCode: row.procedureCode,
    label: row.label,
    ...Object.fromEntries(bieu06Keys.map((k) => [k, row[k]])),
    rate: row.rate,
  };
}

function printError(env: CliEnv, error: ErrorPayload): void {
  env.stderr(`${error.message}\n`);
  for (const [field, message] of Object.entries(error.fieldErrors ?? {}))
    env.stderr(`  --${field}: ${message}\n`);
}

/**
 * `licence-desk report`: Biểu 06/VPCP/KSTT for a period, through the same `stats.report` / `stats.exportReport`
 * methods the app uses (dispatch validates the period and refuses an export whose identities do not hold).
 * Exit codes: 0 written, 1 usage or refused input, 2 the data folder cannot be opened.
 */
export async function reportCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    env.stderr(`--format must be json, xlsx or pdf\n${REPORT_USAGE}\n`);
    return 1;
  }
  if (values.out === undefined || values.out === '') {
    env.stderr(`--out FILE is required\n${REPORT_USAGE}\n`);
    return 1;
  }
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const period = { from: values.from ?? '', to: values.to ?? '' };
    const report = await dispatch(backend, 'stats.report', period, localSession());
    if (!report.ok) {
      printError(env, report.error);
      return 1;
    }
    const data = report.data as MethodOutput<'stats.report'>;
    let bytes: Buffer;
    if (format === 'json') {
      const json = {
        form: 'Biểu số 06/VPCP/KSTT',
        period: data.period,
        rows: data.rows.map(jsonRow),
        total: jsonRow(data.total),
        averageProcessingDays: data.averageProcessingDays,
        problems: data.problems,
      };
      bytes = Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8');
    } else {
      const exported = await dispatch(backend, 'stats.exportReport', { ...period, format }, localSession());
      if (!exported.ok) {
        printError(env, exported.error);
        return 1;
      }
      bytes = Buffer.from((exported.data as MethodOutput<'stats.exportReport'>).base64, 'base64');
    }
    const out = path.resolve(values.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, bytes);
    if (data.period.notice !== null) env.stdout(`${data.period.notice}\n`);
    env.stdout(`Biểu 06 (${data.period.label}) → ${out} (${bytes.length} bytes)\n`);
    if (data.problems.length > 0) {
      env.stderr(`Số liệu không khớp:\n${data.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 1;
    }
    return 0;
  } finally {
    await backend.close();
  }
}

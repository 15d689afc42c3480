import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { dispatch, type Backend } from '../dispatch';
import type { MethodName, MethodOutput } from '../../../shared/api/contract';
import {
  CURRENT_PAUSE_RULE,
  PAUSE_RULES,
  isPauseRuleId,
  pauseRuleIds,
} from '../../../shared/domain/deadline';

export const PAUSE_RULE_USAGE =
  'licence-desk pause-rule [--rule ID] [--apply --reason TEXT [--legal-document TEXT]] [--json] [--data DIR]';

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function call<M extends MethodName>(
  backend: Backend,
  method: M,
  input: unknown,
): Promise<MethodOutput<M>> {
  const reply = await dispatch(backend, method, input, localSession());
  if (!reply.ok) {
    const fields = Object.entries(reply.error.fieldErrors ?? {}).map(([f, m]) => `\n  ${f}: ${m}`);
    throw Object.assign(new Error(`${reply.error.message}${fields.join('')}`), { isReply: true });
  }
  return reply.data as MethodOutput<M>;
}

/**
 * `licence-desk pause-rule`: which version of the pause rule is in force, and adopting another (issue 12 §1)
 * through the same methods as the app — a preview of every open dossier whose due date moves, then, with
 * `--apply` and a reason, the change with one audit entry per moved dossier.
 */
export async function pauseRuleCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      rule: { type: 'string', default: CURRENT_PAUSE_RULE },
      apply: { type: 'boolean', default: false },
      reason: { type: 'string' },
      'legal-document': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) {
    env.stderr(`Usage: ${PAUSE_RULE_USAGE}\n`);
    return 1;
  }
  if (!isPauseRuleId(values.rule)) {
    env.stderr(
      `Phiên bản quy tắc không hợp lệ: ${values.rule}. Chọn một trong: ${pauseRuleIds.join(', ')}\n` +
        `(Unknown pause-rule version: ${values.rule}; one of ${pauseRuleIds.join(', ')})\n`,
    );
    return 1;
  }
  if (values.apply && !values.reason?.trim()) {
    env.stderr('Cần --reason "…" khi áp dụng (the change is audited with its reason).\n');
    return 1;
  }
  const rule = values.rule;
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const list = await call(backend, 'pauseRules.list', {});
    if (values.apply) {
      const applied = await call(backend, 'pauseRules.apply', {
        rule,
        reason: values.reason,
        legalDocument: values['legal-document'] ?? null,
      });
      if (values.json) {
        env.stdout(`${JSON.stringify(applied, null, 2)}\n`);
        return 0;
      }
      env.stdout(
        `Đã áp dụng ${rule} (${PAUSE_RULES[rule].label}) từ ngày ${viDate(applied.effectiveFrom)}.\n` +
          `Đổi hạn trả kết quả của ${applied.movedCount} hồ sơ đang giải quyết (mỗi hồ sơ một mục nhật ký); ` +
          `${applied.frozenCount} hồ sơ đã giải quyết giữ nguyên hạn và kết quả đúng hạn/quá hạn.\n`,
      );
      return 0;
    }
    const preview = list.current === rule ? null : await call(backend, 'pauseRules.preview', { rule });
    if (values.json) {
      env.stdout(`${JSON.stringify({ ...list, preview }, null, 2)}\n`);
      return 0;
    }
    const inForce = list.history.at(-1);
    env.stdout(
      `Quy tắc đang áp dụng: ${list.current} — ${PAUSE_RULES[list.current].label}` +
        `${inForce ? ` (từ ngày ${viDate(inForce.effectiveFrom)})` : ''}\n  ${PAUSE_RULES[list.current].summary}\n`,
    );
    if (preview === null) return 0;
    env.stdout(
      `\nXem trước khi áp dụng ${rule} — ${PAUSE_RULES[rule].label}:\n  ${PAUSE_RULES[rule].summary}\n` +
        `Hồ sơ đang giải quyết: ${preview.openCount}; đổi hạn trả kết quả: ${preview.movedCount}; ` +
        `đang chờ bổ sung (áp dụng khi nhận hồ sơ bổ sung): ${preview.pausedCount}\n`,
    );
    for (const m of preview.moved) {
      env.stdout(`  ${m.code}  ${viDate(m.oldDueDate)} → ${viDate(m.newDueDate)}  ${m.applicantName}\n`);
    }
    if (preview.movedCount > preview.moved.length)
      env.stdout(`  … và ${preview.movedCount - preview.moved.length} hồ sơ khác\n`);
    env.stdout(`\nĐể áp dụng: licence-desk pause-rule --rule ${rule} --apply --reason "…"\n`);
    return 0;
  } catch (error) {
    if (error instanceof Error && 'isReply' in error) {
      env.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await backend.close();
  }
}

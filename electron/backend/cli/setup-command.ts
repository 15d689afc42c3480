import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from '../../../shared/api/zod-vi';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { dispatch } from '../dispatch';
import { settingsInputSchema } from '../../../shared/api/schemas/settings';
import { newPasswordSchema } from '../../../shared/api/schemas/users';
import { generateTemporaryPassword, hashPasswordSync } from '../auth/password';
import { setFirstAdministratorPassword, pendingFirstAdministrator } from '../auth/setup-admin';
import { recordAudit } from '../audit/record-audit';
import { officeNow } from '../office-clock';

export const SETUP_USAGE =
  'licence-desk setup --settings FILE.json [--admin-password-file FILE] [--data DIR] [--json]';

/** Exit codes: 0 set up, 1 usage or a state that forbids it, 2 the data folder cannot be opened, 3 bad file. */
export const EXIT_BAD_SETTINGS = 3;

/** Keys of the `settings.get` output that are not settings: accepted in the file and ignored. */
const READ_ONLY_KEYS = new Set(['isConfigured', 'needsReview']);

/** Paths present in what was typed but not in what the schema kept: typos that would silently vanish. */
function unknownPaths(raw: unknown, kept: unknown, at: string[] = []): string[] {
  if (Array.isArray(raw) && Array.isArray(kept)) {
    return raw.flatMap((item, i) => unknownPaths(item, kept[i], [...at, String(i)]));
  }
  if (typeof raw !== 'object' || raw === null || typeof kept !== 'object' || kept === null) return [];
  return Object.entries(raw).flatMap(([key, value]) => {
    if (at.length === 0 && READ_ONLY_KEYS.has(key)) return [];
    if (!Object.hasOwn(kept, key)) return [[...at, key].join('.')];
    return unknownPaths(value, (kept as Record<string, unknown>)[key], [...at, key]);
  });
}

/** The same issue in English, from zod's English messages where the schema has no message of its own. */
function englishIssues(raw: unknown): Map<string, string> {
  const result = settingsInputSchema.safeParse(raw, { error: z.locales.en().localeError });
  const english = new Map<string, string>();
  if (!result.success) {
    for (const issue of result.error.issues) english.set(issue.path.join('.'), issue.message);
  }
  return english;
}

function settingsProblems(raw: unknown): { path: string; vi: string; en: string }[] {
  const parsed = settingsInputSchema.safeParse(raw);
  if (parsed.success) {
    return unknownPaths(raw, parsed.data).map((path) => ({
      path,
      vi: 'trường không có trong mẫu cài đặt (gõ nhầm tên?)',
      en: 'unknown field (a typo?)',
    }));
  }
  const english = englishIssues(raw);
  return parsed.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(tệp)';
    const en = english.get(issue.path.join('.'));
    return { path, vi: issue.message, en: en !== undefined && en !== issue.message ? en : englishOf(issue) };
  });
}

/** For issues whose message the schema writes itself (in Vietnamese): what kind of problem it is. */
function englishOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return `too ${issue.origin === 'string' ? 'short' : 'small'} (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too ${issue.origin === 'string' ? 'long' : 'large'} (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return 'wrong format';
    case 'custom':
      return 'value not accepted: see the Vietnamese message';
    default:
      return `rejected (${issue.code})`;
  }
}

/**
 * `licence-desk setup`: prepares an office without a browser (issue 12 §6), so that an installer script can
 * configure the agency and then import legacy data. The settings file has the shape of the settings screen —
 * the `settings.update` contract input, as `settings.get` returns it — and is checked field by field before the
 * data folder is touched; the change itself goes through `settings.update` (audited as the OS account). The
 * first administrator's password is set from `--admin-password-file` (the file's first line), or a one-time
 * password is printed once and must be changed at the first login.
 */
export async function setupCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      settings: { type: 'string' },
      'admin-password-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (!values.settings || positionals.length > 0) {
    env.stderr(`Usage: ${SETUP_USAGE}\n`);
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(values.settings, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    env.stderr(
      missing
        ? `Không tìm thấy tệp cài đặt: ${values.settings}\n(Settings file not found: ${values.settings})\n`
        : `Tệp cài đặt không phải JSON hợp lệ: ${values.settings}\n(Not valid JSON: ${(error as Error).message})\n`,
    );
    return missing ? 1 : EXIT_BAD_SETTINGS;
  }
  const problems = settingsProblems(raw);
  if (problems.length > 0) {
    env.stderr(
      `Cài đặt không hợp lệ, chưa thay đổi gì (invalid settings, nothing changed): ${values.settings}\n`,
    );
    for (const p of problems) env.stderr(`  ${p.path}: ${p.vi}\n    (${p.en})\n`);
    return EXIT_BAD_SETTINGS;
  }

  let password: string | null = null;
  const passwordFile = values['admin-password-file'];
  if (passwordFile !== undefined) {
    try {
      // The first line: a file written with `echo` ends with a newline that is not part of the password.
      password = fs.readFileSync(passwordFile, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch {
      env.stderr(`Không đọc được tệp mật khẩu: ${passwordFile}\n(Cannot read the password file)\n`);
      return 1;
    }
    const checked = newPasswordSchema.safeParse(password);
    if (!checked.success) {
      const english = newPasswordSchema.safeParse(password, { error: z.locales.en().localeError });
      env.stderr(
        `Mật khẩu quản trị trong ${passwordFile} không hợp lệ: ${checked.error.issues[0]?.message ?? ''}\n` +
          `(Administrator password rejected${english.success ? '' : `: ${english.error.issues[0]?.message ?? ''}`})\n`,
      );
      return EXIT_BAD_SETTINGS;
    }
  }

  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const admin = await pendingFirstAdministrator(backend.ctx.db);
    if (password !== null && admin === null) {
      env.stderr(
        'Quản trị viên đầu tiên đã có mật khẩu riêng; đổi mật khẩu trong ứng dụng. Chưa thay đổi gì.\n' +
          '(The first administrator already has a password of their own; nothing changed.)\n',
      );
      return 1;
    }
    const session = localSession();
    const reply = await dispatch(backend, 'settings.update', raw, session);
    if (!reply.ok) {
      env.stderr(`${reply.error.message}\n`);
      for (const [field, message] of Object.entries(reply.error.fieldErrors ?? {})) {
        env.stderr(`  ${field}: ${message}\n`);
      }
      return EXIT_BAD_SETTINGS;
    }
    let oneTime: string | null = null;
    if (admin !== null) {
      const mustChange = password === null;
      oneTime = password === null ? generateTemporaryPassword() : null;
      const hash = hashPasswordSync(password ?? oneTime ?? '');
      const ctx = backend.ctx;
      const now = (await officeNow(ctx)).iso;
      await ctx.db.transaction(async () => {
        await setFirstAdministratorPassword(ctx.db, admin.id, hash, mustChange, now);
        await recordAudit(
          ctx,
          { actor: session.system, userId: null, sessionToken: null, clientAddress: null },
          {
            action: 'users.setupAdministratorPassword',
            entityType: 'user',
            entityId: admin.id,
            payload: { username: admin.username, source: mustChange ? 'printed-once' : 'file', mustChange },
          },
        );
      });
    }
    if (values.json) {
      env.stdout(
        `${JSON.stringify(
          {
            dataDir: backend.ctx.dataDir,
            administrator: admin === null ? null : { username: admin.username, oneTimePassword: oneTime },
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    env.stdout(`Đã lưu cài đặt cơ quan vào ${backend.ctx.dataDir} (settings saved and audited).\n`);
    if (admin === null) {
      env.stdout('Quản trị viên đầu tiên đã có mật khẩu riêng (administrator password unchanged).\n');
    } else if (oneTime === null) {
      env.stdout(`Đã đặt mật khẩu cho quản trị viên “${admin.username}” từ ${passwordFile ?? ''}.\n`);
    } else {
      env.stdout(
        `Tài khoản quản trị: ${admin.username}\nMật khẩu dùng một lần: ${oneTime}\n` +
          'Chỉ in một lần; phải đổi khi đăng nhập lần đầu. (One-time password, shown once; change it at first login.)\n',
      );
    }
    return 0;
  } finally {
    await backend.close();
  }
}

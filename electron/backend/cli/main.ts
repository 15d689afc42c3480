import { defaultCliEnv, type CliEnv } from './cli-context';
import { serveCommand } from './serve-command';
import { seedDemoCommand } from './seed-demo-command';
import { verifyCommand } from './verify-command';
import { dueDateCommand } from './due-date-command';
import { verifyLicenceCommand } from './verify-licence-command';
import { backupCommand } from './backup-command';
import { restoreCommand } from './restore-command';
import { reportCommand } from './report-command';
import { importCommand } from './import-command';
import { moveStoreCommand } from './move-store-command';
import { pauseRuleCommand } from './pause-rule-command';
import { setupCommand } from './setup-command';
import { attachCommand } from './attach-command';

const USAGE = `licence-desk <command> [options]

Commands:
  setup       --settings FILE.json [--admin-password-file FILE] [--data DIR] [--json]
                                               configure the agency without a browser (the settings
                                               screen's fields as JSON, checked field by field, audited);
                                               set the first administrator's password, or print a
                                               one-time password once
  serve       [--data DIR] [--port N]          start the web edition on 127.0.0.1
  serve --office [--listen ADDR:PORT] [--host-name NAME ...] [--tls-cert FILE --tls-key FILE] [--data DIR]
                                               the HTTPS server every desk of the office connects to
  seed-demo   --count N [--data DIR] [--seed S] fill the store with realistic demo dossiers
  verify      [--data DIR]                     integrity check, foreign keys, audit chain, licence register
  verify-licence FILE.pdf|PAYLOAD [--key PUBLIC.pem] [--data DIR]
                                               check a licence's signed QR code offline
  due-date    --received ISO (--days N [--unit wd|cd] | --procedure ID) [--pause FROM/TO ...] [--restart] [--event ISO] [--json]
                                               compute an appointment date and explain it; FROM and TO are
                                               dates (YYYY-MM-DD, office-local: FROM at opening time, TO
                                               received before the cut-off) or date-times with offset; an
                                               empty TO means still waiting
  pause-rule  [--rule ID] [--apply --reason TEXT [--legal-document TEXT]] [--json] [--data DIR]
                                               the pause rule in force; preview, then apply, another version
                                               (moved due dates audited one by one)
  backup      [--out DIR] [--prune] [--data DIR] [--json]
                                               verified backup (SHA-256 manifest, audit head); retention
                                               in the configured folder, or with --prune
  restore     FILE.db [--into DIR] [--data DIR] verify a backup and restore it into a fresh folder
  restore     FILE.pgdump --into-database URL  verify a PostgreSQL backup and restore it into an empty database
  report      --from YYYY-MM-DD --to YYYY-MM-DD --format json|xlsx|pdf --out FILE [--data DIR]
                                               Biểu 06/VPCP/KSTT for a period
  import      FILE.csv|FILE.xlsx [--dry-run] [--skip-invalid] [--json] [--quiet] [--data DIR]
                                               import past dossiers (check with --dry-run first)
  move-store  --to postgres://USER@HOST/DB [--data DIR] [--json]
                                               move the folder's SQLite store into an empty PostgreSQL
                                               database and prove the copy equal
  attach      --dossier CODE --component N FILE… | --folder DIR  [--dry-run] [--json] [--data DIR]
                                               attach scans of old paper dossiers (DIR/<code>/<N>-name.pdf)

Every command accepts --data DIR (or LICENCE_DESK_DATA) to choose the data folder, and
--database postgres://USER@HOST/DB (or LICENCE_DESK_DATABASE_URL) to use a PostgreSQL database instead of
the folder's SQLite file (the folder still holds the log, the licence-signing key and local backups).
`;

type Command = (args: string[], env: CliEnv) => Promise<number>;

const commands: Record<string, Command> = {
  setup: setupCommand,
  serve: serveCommand,
  'seed-demo': seedDemoCommand,
  verify: verifyCommand,
  'due-date': dueDateCommand,
  'verify-licence': verifyLicenceCommand,
  backup: backupCommand,
  restore: restoreCommand,
  report: reportCommand,
  import: importCommand,
  'move-store': moveStoreCommand,
  'pause-rule': pauseRuleCommand,
  attach: attachCommand,
};

export async function runCli(argv: string[], env: CliEnv = defaultCliEnv()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    env.stdout(USAGE);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    env.stderr(`Unknown command: ${name}\n\n${USAGE}`);
    return 1;
  }
  try {
    return await command(rest, env);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      env.stderr(`${error.message}\n\n${USAGE}`);
      return 1;
    }
    throw error;
  }
}

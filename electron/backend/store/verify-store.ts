import type { Sql } from './sql';
import { verifyAuditChain } from '../audit/audit-chain';
import { checkStructure } from './structure-check';
import { verifyFiles } from '../files/verify-files';
import {
  buildRegisterView,
  describeRegisterProblem,
  parseCounterName,
} from '../../../shared/domain/numbering';

export interface VerifyReport {
  ok: boolean;
  lines: string[];
}

/**
 * Full check for `licence-desk verify`: the slow integrity_check, foreign keys, the audit chain re-walk, the
 * licence register and — given the store's files folder — a re-hash of every attached file.
 */
export async function verifyStore(db: Sql, options: { filesDir?: string } = {}): Promise<VerifyReport> {
  const lines: string[] = [];
  let ok = true;
  const structure = await checkStructure(db);
  const integrity = structure.integrity;
  if (integrity.length === 1 && integrity[0] === 'ok') {
    lines.push('integrity_check: ok');
  } else {
    ok = false;
    lines.push(`integrity_check: FAILED — ${integrity.slice(0, 10).join('; ')}`);
  }
  if (structure.danglingReferences === 0) {
    lines.push('foreign_key_check: ok');
  } else {
    ok = false;
    lines.push(`foreign_key_check: FAILED — ${structure.danglingReferences} dangling reference(s)`);
  }
  const chain = await verifyAuditChain(db);
  if (chain.ok) {
    lines.push(
      `audit chain: ok — ${chain.count} entries, head ${chain.head ? `#${chain.head.seq} ${chain.head.hash}` : '(empty)'}`,
    );
  } else {
    ok = false;
    lines.push(`audit chain: BROKEN at entry #${chain.brokenSeq} — ${chain.reason}`);
  }
  const register = await verifyLicenceRegister(db);
  ok &&= register.ok;
  lines.push(...register.lines);
  if (options.filesDir !== undefined) {
    const files = await verifyFiles(db, options.filesDir);
    ok &&= files.ok;
    lines.push(...files.lines);
  }
  return { ok, lines };
}

/** Every series of the licence register: numbers from its start without gap or repeat, counter in step. */
export async function verifyLicenceRegister(db: Sql): Promise<VerifyReport> {
  const lines: string[] = [];
  let ok = true;
  const counters = (await db.all("SELECT name, last FROM counters WHERE name LIKE 'licence:%'")) as Array<{
    name: string;
    last: number;
  }>;
  for (const counter of counters) {
    const parsed = parseCounterName(counter.name);
    if (!parsed) continue;
    const rows = (await db.all(
      `SELECT l.number AS n, CASE WHEN v.licence_id IS NULL THEN 'issued' ELSE 'void' END AS status, v.reason AS "voidReason"
         FROM licences l LEFT JOIN licence_voids v ON v.licence_id = l.id
         WHERE l.series = ? AND l.year = ? ORDER BY l.number`,
      [parsed.seriesKey, parsed.year],
    )) as Array<{
      n: number;
      status: 'issued' | 'void';
      voidReason: string | null;
    }>;
    const goLive = (await db.get('SELECT start_number, start_year FROM licence_series WHERE series = ?', [
      parsed.seriesKey,
    ])) as { start_number: number; start_year: number | null } | undefined;
    const start = goLive && goLive.start_year === parsed.year ? goLive.start_number : 1;
    const view = buildRegisterView(rows, start, counter.last);
    if (view.isSound) {
      lines.push(
        `licence register ${parsed.seriesKey} ${parsed.year}: ok — ${view.issuedCount} issued, ${view.voidCount} void`,
      );
    } else {
      ok = false;
      for (const problem of view.problems) {
        lines.push(
          `licence register ${parsed.seriesKey} ${parsed.year}: FAILED — ${describeRegisterProblem(problem).messageEn}`,
        );
      }
    }
  }
  return { ok, lines };
}

import type { Db } from '../db/open-database';
import { verifyAuditChain } from '../audit/audit-chain';

export interface VerifyReport {
  ok: boolean;
  lines: string[];
}

/** Full check for `licence-desk verify`: the slow integrity_check, foreign keys, and the audit chain re-walk. */
export function verifyStore(db: Db): VerifyReport {
  const lines: string[] = [];
  let ok = true;
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
  if (integrity.length === 1 && integrity[0] === 'ok') {
    lines.push('integrity_check: ok');
  } else {
    ok = false;
    lines.push(`integrity_check: FAILED — ${integrity.slice(0, 10).join('; ')}`);
  }
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length === 0) {
    lines.push('foreign_key_check: ok');
  } else {
    ok = false;
    lines.push(`foreign_key_check: FAILED — ${fk.length} dangling reference(s)`);
  }
  const chain = verifyAuditChain(db);
  if (chain.ok) {
    lines.push(
      `audit chain: ok — ${chain.count} entries, head ${chain.head ? `#${chain.head.seq} ${chain.head.hash}` : '(empty)'}`,
    );
  } else {
    ok = false;
    lines.push(`audit chain: BROKEN at entry #${chain.brokenSeq} — ${chain.reason}`);
  }
  return { ok, lines };
}

import { createHash } from 'node:crypto';
import type { Sql } from '../store/sql';
import { canonicalJson } from '../../../shared/domain/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);
const DOMAIN_TAG = 'licence-desk/audit/v1';

export interface AuditInput {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  appVersion: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  payload: string;
  app_version: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every column but itself, so a change to any column of any row breaks the chain. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const canonical = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    payload: row.payload,
    app_version: row.app_version,
    prev_hash: row.prev_hash,
  });
  return createHash('sha256').update(`${DOMAIN_TAG}\n${canonical}`, 'utf8').digest('hex');
}

/** Appends one audit row. Call inside the transaction that makes the change it records. */
export async function appendAudit(db: Sql, input: AuditInput): Promise<AuditRow> {
  if (!db.inTransaction) throw new Error(`await appendAudit(${input.action}) called outside a transaction`);
  // Inside a write transaction, which every engine serialises, so no other writer can take the same seq.
  const head = await auditHead(db);
  const row: Omit<AuditRow, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at: input.at,
    actor_id: input.actorId,
    actor_name: input.actorName.normalize('NFC'),
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    payload: canonicalJson(input.payload),
    app_version: input.appVersion,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const full: AuditRow = { ...row, hash: hashAuditRow(row) };
  await db.run(
    `INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity_type, entity_id, payload, app_version, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @action, @entity_type, @entity_id, @payload, @app_version, @prev_hash, @hash)`,
    full,
  );
  return full;
}

export type ChainVerdict =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; count: number; brokenSeq: number; reason: string };

/** Re-walks the chain from genesis and names the first row that does not fit. */
export async function verifyAuditChain(db: Sql): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let head: { seq: number; hash: string } | null = null;
  let broken: { brokenSeq: number; reason: string } | null = null;
  await db.each<AuditRow>('SELECT * FROM audit_events ORDER BY seq', [], (row) => {
    if (broken) return;
    count += 1;
    if (row.seq !== expectedSeq) {
      broken = { brokenSeq: expectedSeq, reason: `sequence gap: expected ${expectedSeq}, found ${row.seq}` };
      return;
    }
    if (row.prev_hash !== prevHash) {
      broken = { brokenSeq: row.seq, reason: 'prev_hash does not match the previous row' };
      return;
    }
    const { hash, ...rest } = row;
    if (hashAuditRow(rest) !== hash) {
      broken = { brokenSeq: row.seq, reason: 'row content does not match its hash' };
      return;
    }
    prevHash = hash;
    expectedSeq += 1;
    head = { seq: row.seq, hash };
  });
  if (broken) return { ok: false, count, ...(broken as { brokenSeq: number; reason: string }) };
  return { ok: true, count, head };
}

export async function auditHead(db: Sql): Promise<{ seq: number; hash: string } | null> {
  const row = await db.get<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  return row ?? null;
}

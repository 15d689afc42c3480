import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { stmt } from '../db/statement-cache';

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
export function appendAudit(db: Db, input: AuditInput): AuditRow {
  const head = stmt(db, 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
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
  stmt(
    db,
    `INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity_type, entity_id, payload, app_version, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @action, @entity_type, @entity_id, @payload, @app_version, @prev_hash, @hash)`,
  ).run(full);
  return full;
}

export type ChainVerdict =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; count: number; brokenSeq: number; reason: string };

/** Re-walks the chain from genesis and names the first row that does not fit. */
export function verifyAuditChain(db: Db): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let head: { seq: number; hash: string } | null = null;
  for (const row of stmt(db, 'SELECT * FROM audit_events ORDER BY seq').iterate() as Iterable<AuditRow>) {
    count += 1;
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        count,
        brokenSeq: expectedSeq,
        reason: `sequence gap: expected ${expectedSeq}, found ${row.seq}`,
      };
    }
    if (row.prev_hash !== prevHash) {
      return { ok: false, count, brokenSeq: row.seq, reason: 'prev_hash does not match the previous row' };
    }
    const { hash, ...rest } = row;
    if (hashAuditRow(rest) !== hash) {
      return { ok: false, count, brokenSeq: row.seq, reason: 'row content does not match its hash' };
    }
    prevHash = hash;
    expectedSeq += 1;
    head = { seq: row.seq, hash };
  }
  return { ok: true, count, head };
}

export function auditHead(db: Db): { seq: number; hash: string } | null {
  const row = stmt(db, 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return row ?? null;
}

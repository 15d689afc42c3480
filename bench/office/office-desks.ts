// The 50 simulated desks of the office bench: who does what, how often, and what they were told succeeded.
import { randomUUID } from 'node:crypto';
import type { DeskConnection } from './office-client';

export type DeskKind = 'clerk' | 'leader' | 'appraiser' | 'director';

/** Reads and writes are judged against different targets (issue 10: p95 < 100 ms reads, < 150 ms writes). */
export const WRITE_ACTIONS = new Set([
  'receive',
  'assign',
  'licence fields',
  'propose',
  'approve',
  'issue',
  'return',
  'print receipt',
]);

export interface Procedure {
  id: string;
  components: Array<{ name: string; copies: number; original: boolean }>;
}

/** A dossier waiting for its next step, with the version its list showed. */
export interface Item {
  id: number;
  version: number;
}

/** Dossiers made in this run, waiting for their next step (each appraiser has her own tray). */
export interface Pipeline {
  toAssign: Item[];
  toPropose: Map<number, Item[]>;
  toApprove: Item[];
  toIssue: Item[];
  toReturn: Item[];
}

export interface LoadRecord {
  latencies: Map<string, number[]>;
  /** Error code -> count, per action. */
  errors: Map<string, Map<string, number>>;
  /** requestIds of acknowledged receives. */
  received: Set<string>;
  /** "<dossierId>:<event kind>" of acknowledged workflow actions. */
  performed: Set<string>;
  receivedIds: number[];
}

export function newRecord(): LoadRecord {
  return {
    latencies: new Map(),
    errors: new Map(),
    received: new Set(),
    performed: new Set(),
    receivedIds: [],
  };
}

export interface DeskContext {
  conn: DeskConnection;
  kind: DeskKind;
  userId: number;
  appraiserIds: number[];
  procedure: Procedure;
  pipeline: Pipeline;
  record: LoadRecord;
  random: () => number;
  maxDossierId: number;
  searchTerms: string[];
}

function note(record: LoadRecord, action: string, outcome: { ok: boolean; code?: string; ms: number }): void {
  if (outcome.ok) {
    let list = record.latencies.get(action);
    if (!list) record.latencies.set(action, (list = []));
    list.push(outcome.ms);
    return;
  }
  let codes = record.errors.get(action);
  if (!codes) record.errors.set(action, (codes = new Map()));
  const code = outcome.code ?? 'UNKNOWN';
  codes.set(code, (codes.get(code) ?? 0) + 1);
}

/**
 * Mostly takes the next dossier for itself; sometimes (10%) leaves it on the tray, so that a colleague acts on
 * the same version too: one of them wins, the other gets CONFLICT — the expected error.
 */
function pick(queue: Item[] | undefined, random: () => number): Item | undefined {
  if (!queue || queue.length === 0) return undefined;
  return random() < 0.1 ? queue[0] : queue.shift();
}

export async function timed(ctx: DeskContext, action: string, method: string, input: unknown) {
  const outcome = await ctx.conn.call<Record<string, unknown>>(method, input);
  note(ctx.record, action, outcome);
  return outcome;
}

async function read(ctx: DeskContext): Promise<void> {
  const r = ctx.random();
  if (r < 0.35) await timed(ctx, 'list', 'dossiers.list', { limit: 100 });
  else if (r < 0.6) {
    const term = ctx.searchTerms[Math.floor(ctx.random() * ctx.searchTerms.length)] ?? 'nguyen';
    await timed(ctx, 'search', 'dossiers.list', { query: term, limit: 100 });
  } else {
    const id = 1 + Math.floor(ctx.random() * ctx.maxDossierId);
    await timed(ctx, 'open', 'dossiers.get', { id });
    await timed(ctx, 'open', 'workflow.view', { dossierId: id });
  }
}

/** One workflow step: open the dossier page, then act on the version the desk's list showed (stale: CONFLICT). */
async function act(
  ctx: DeskContext,
  item: Item,
  action: string,
  kind: string,
  input: Record<string, unknown>,
  next: Item[] | null,
): Promise<void> {
  const view = await timed(ctx, 'open', 'workflow.view', { dossierId: item.id });
  if (!view.ok) return;
  const done = await timed(ctx, action, 'workflow.perform', {
    dossierId: item.id,
    version: item.version,
    action: kind,
    input,
  });
  if (done.ok) {
    ctx.record.performed.add(`${item.id}:${kind}`);
    next?.push({ id: item.id, version: done.data!.version as number });
  }
}

export async function deskStep(ctx: DeskContext): Promise<void> {
  const { pipeline, random } = ctx;
  const r = random();
  if (ctx.kind === 'clerk') {
    if (r < 0.3) {
      const requestId = randomUUID();
      const outcome = await timed(ctx, 'receive', 'dossiers.receive', {
        requestId,
        procedureId: ctx.procedure.id,
        applicant: { kind: 'organization', name: `Nhà sách Bàn Làm Việc ${requestId.slice(0, 6)}` },
        components: ctx.procedure.components.map((c) => ({
          name: c.name,
          copies: c.copies,
          isProvided: true,
          isOriginal: c.original,
        })),
        setCount: 1,
        channel: 'direct',
        receivedAt: null,
        returnMethod: 'desk',
      });
      if (outcome.ok) {
        const id = outcome.data!.id as number;
        ctx.record.received.add(requestId);
        ctx.record.receivedIds.push(id);
        pipeline.toAssign.push({ id, version: outcome.data!.version as number });
        if (random() < 0.5)
          await timed(ctx, 'print receipt', 'documents.receipt', { dossierId: id, copies: 1 });
      }
      return;
    }
    if (r < 0.45) {
      const item = pick(pipeline.toIssue, random);
      if (item) return act(ctx, item, 'issue', 'issue', {}, pipeline.toReturn);
    }
    if (r < 0.55) {
      const item = pick(pipeline.toReturn, random);
      if (item)
        return act(
          ctx,
          item,
          'return',
          'returnResult',
          { collectedBy: 'Người nhận', collectedAt: new Date().toISOString(), method: 'desk' },
          null,
        );
    }
    return read(ctx);
  }
  if (ctx.kind === 'leader' && r < 0.5) {
    const item = pick(pipeline.toAssign, random);
    const assignee = ctx.appraiserIds[Math.floor(random() * ctx.appraiserIds.length)]!;
    let tray = pipeline.toPropose.get(assignee);
    if (!tray) pipeline.toPropose.set(assignee, (tray = []));
    if (item) return act(ctx, item, 'assign', 'assign', { assigneeId: String(assignee) }, tray);
  }
  if (ctx.kind === 'appraiser' && r < 0.45) {
    const item = pick(pipeline.toPropose.get(ctx.userId), random);
    if (item) {
      const id = item.id;
      const view = await timed(ctx, 'open', 'workflow.view', { dossierId: id });
      if (!view.ok) return;
      const spec = view.data!.licenceFieldSpec as Array<{ key: string }>;
      const fields = Object.fromEntries(
        spec
          .filter((f) => f.key !== 'number' && f.key !== 'issueDate')
          .map((f) => [f.key, `Nội dung ${f.key}`]),
      );
      const saved = await timed(ctx, 'licence fields', 'workflow.setLicenceFields', {
        dossierId: id,
        version: item.version,
        fields,
      });
      if (!saved.ok) return;
      const done = await timed(ctx, 'propose', 'workflow.perform', {
        dossierId: id,
        version: saved.data!.version,
        action: 'propose',
        input: { proposal: 'approve', opinion: 'Đủ điều kiện cấp phép.' },
      });
      if (done.ok) {
        ctx.record.performed.add(`${id}:propose`);
        pipeline.toApprove.push({ id, version: done.data!.version as number });
      }
      return;
    }
  }
  if (ctx.kind === 'director' && r < 0.5) {
    const item = pick(pipeline.toApprove, random);
    if (item) return act(ctx, item, 'approve', 'approve', {}, pipeline.toIssue);
  }
  return read(ctx);
}

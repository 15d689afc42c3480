// One dossier's life through the API of a running server, each step by the account whose role it is: used by the
// office security tests, the desktop-client transport tests, the crash test and the office bench.

export type Call = <T = unknown>(method: string, input: unknown, sessionToken: string | null) => Promise<T>;

export interface ProcedureLite {
  id: string;
  isConfigured: boolean;
  components: Array<{ name: string; copies: number; required: boolean; original: boolean }>;
}

export interface FlowSessions {
  clerk: string;
  leader: string;
  appraiser: string;
  director: string;
}

/** A valid intake for `procedure` with every component provided, received now (or at `receivedAt`). */
export function receiveInput(
  procedure: ProcedureLite,
  requestId: string,
  applicantName: string,
  receivedAt: string | null = null,
): Record<string, unknown> {
  return {
    requestId,
    procedureId: procedure.id,
    applicant: { kind: 'organization', name: applicantName },
    components: procedure.components.map((c) => ({
      name: c.name,
      copies: c.copies,
      isProvided: true,
      isOriginal: c.original,
    })),
    setCount: 1,
    channel: 'direct',
    receivedAt,
    returnMethod: 'desk',
  };
}

export async function pickProcedure(call: Call, session: string, id = 'PH-DK'): Promise<ProcedureLite> {
  const procedures = await call<ProcedureLite[]>('procedures.list', { includeUnconfigured: false }, session);
  const procedure = procedures.find((p) => p.id === id) ?? procedures[0];
  if (!procedure) throw new Error('no configured procedure');
  return procedure;
}

export async function versionOf(call: Call, session: string, dossierId: number): Promise<number> {
  return (await call<{ version: number }>('workflow.view', { dossierId }, session)).version;
}

/** Takes a received dossier to the returned licence; returns the licence number. */
export async function walkToReturned(
  call: Call,
  who: FlowSessions,
  dossierId: number,
  appraiserId: number,
): Promise<string> {
  const perform = async (session: string, action: string, input: Record<string, unknown> = {}) =>
    call(
      'workflow.perform',
      { dossierId, version: await versionOf(call, session, dossierId), action, input },
      session,
    );
  await perform(who.leader, 'assign', { assigneeId: String(appraiserId) });
  const view = await call<{ licenceFieldSpec: Array<{ key: string }> }>(
    'workflow.view',
    { dossierId },
    who.appraiser,
  );
  const fields = Object.fromEntries(
    view.licenceFieldSpec
      .filter((f) => f.key !== 'number' && f.key !== 'issueDate')
      .map((f) => [f.key, `Nội dung ${f.key}`]),
  );
  await call(
    'workflow.setLicenceFields',
    { dossierId, version: await versionOf(call, who.appraiser, dossierId), fields },
    who.appraiser,
  );
  await perform(who.appraiser, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện cấp phép.' });
  await perform(who.director, 'approve');
  await perform(who.clerk, 'issue');
  const licence = (
    await call<{ licence: { number: string } | null }>('workflow.view', { dossierId }, who.clerk)
  ).licence;
  await perform(who.clerk, 'returnResult', {
    collectedBy: 'Người nhận thử nghiệm',
    collectedAt: new Date().toISOString().replace('Z', '+00:00'),
    method: 'desk',
  });
  if (!licence) throw new Error('no licence after issue');
  return licence.number;
}

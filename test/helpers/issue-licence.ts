import type { Caller } from '../../electron/backend/context';
import { makeReceiveInput, type TestBackend } from './test-backend';
import type { makeOffice } from './test-users';

type Office = Awaited<ReturnType<typeof makeOffice>>;

/**
 * Receives a dossier and takes it through the API, each step by its own role, to the issued licence; returns the
 * dossier id and the licence number.
 */
export async function receiveAndIssue(
  t: TestBackend,
  office: Office,
  procedureId = 'PH-DK',
): Promise<{ dossierId: number; licence: string }> {
  const d = await t.call('dossiers.receive', await makeReceiveInput(t, { procedureId }));
  const step = async (caller: Caller, action: string, input: Record<string, unknown> = {}) => {
    const v = await t.call('workflow.view', { dossierId: d.id });
    const r = await t.raw('workflow.perform', { dossierId: d.id, version: v.version, action, input }, caller);
    if (!r.ok) throw new Error(`${action}: ${r.error.message}`);
  };
  await step(office.leader.caller, 'assign', { assigneeId: String(office.appraiser.id) });
  const v = await t.call('workflow.view', { dossierId: d.id });
  const fields = Object.fromEntries(v.licenceFieldSpec.map((f) => [f.key, `Giá trị ${f.label}`]));
  const set = await t.raw(
    'workflow.setLicenceFields',
    { dossierId: d.id, version: v.version, fields },
    office.appraiser.caller,
  );
  if (!set.ok) throw new Error(`setLicenceFields: ${set.error.message}`);
  await step(office.appraiser.caller, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
  await step(office.director.caller, 'approve');
  await step(office.clerk.caller, 'issue');
  const licence = (await t.call('workflow.view', { dossierId: d.id })).licence as { number: string } | null;
  if (!licence) throw new Error('no licence after issue');
  return { dossierId: d.id, licence: licence.number };
}

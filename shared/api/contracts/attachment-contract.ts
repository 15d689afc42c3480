import {
  attachmentListOutput,
  attachmentSettingsSchema,
  beginInput,
  beginOutput,
  chunkInput,
  dossierFileSchema,
  dropFolderAttachInput,
  dropFolderListOutput,
  readInput,
  readOutput,
  uploadIdInput,
} from '../schemas/attachments';
import { z } from '../zod-vi';
import { id } from '../schemas/common';
import { ADMIN, empty, type MethodSpec } from './method';

/** Who attaches scans: the desk at intake and supplements, appraisers and their leaders during processing. */
export const ATTACHERS = ['clerk', 'appraiser', 'unit_leader', 'admin'] as const;

/**
 * Scans per dossier component and the electronic result (issue 13). Everyone who may see a dossier may see
 * and download its files (as dossiers.get); every attach is audited with the file's hash.
 */
export const attachmentContract = {
  'attachments.list': {
    access: 'user',
    input: z.object({ dossierId: id }).strict(),
    output: attachmentListOutput,
  },
  'attachments.begin': { access: ATTACHERS, input: beginInput, output: beginOutput },
  'attachments.chunk': {
    access: ATTACHERS,
    input: chunkInput,
    output: z.object({ receivedBytes: z.number().int() }),
  },
  'attachments.commit': { access: ATTACHERS, input: uploadIdInput, output: dossierFileSchema },
  'attachments.abort': { access: ATTACHERS, input: uploadIdInput, output: empty },
  'attachments.read': { access: 'user', input: readInput, output: readOutput },
  'attachments.dropFolder.list': { access: ATTACHERS, input: empty, output: dropFolderListOutput },
  'attachments.dropFolder.attach': {
    access: ATTACHERS,
    input: dropFolderAttachInput,
    output: dossierFileSchema,
  },
  'attachments.settings.get': { access: ADMIN, input: empty, output: attachmentSettingsSchema },
  'attachments.settings.update': {
    access: ADMIN,
    input: attachmentSettingsSchema,
    output: attachmentSettingsSchema,
  },
} as const satisfies Record<string, MethodSpec>;

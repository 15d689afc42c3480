// The whole API, declared once (architecture.md §2). Every transport (Electron IPC, the web edition, the
// CLI, tests) goes through dispatch(), which checks access and parses `input` with these schemas; all types
// derive from here. Each domain declares its methods in contracts/<domain>-contract.ts.
import type { z } from './zod-vi';
import { coreContract } from './contracts/core-contract';
import { dossierContract } from './contracts/dossier-contract';
import { calendarContract } from './contracts/calendar-contract';
import { backupContract } from './contracts/backup-contract';
import { workflowContract } from './contracts/workflow-contract';
import { documentContract } from './contracts/document-contract';
import { importContract } from './contracts/import-contract';
import { statisticsContract } from './contracts/statistics-contract';
import { pauseRuleContract } from './contracts/pause-rule-contract';
import { attachmentContract } from './contracts/attachment-contract';
import type { MethodSpec } from './contracts/method';

export type { Access, MethodSpec } from './contracts/method';

export const contract = {
  ...coreContract,
  ...dossierContract,
  ...calendarContract,
  ...backupContract,
  ...workflowContract,
  ...documentContract,
  ...importContract,
  ...statisticsContract,
  ...pauseRuleContract,
  ...attachmentContract,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

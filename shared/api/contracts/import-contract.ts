import { importDossiersInput, importReportSchema } from '../schemas/import';
import { ADMIN, type MethodSpec } from './method';

/** Legacy import of past dossiers (CSV/XLSX): a dry run and the real import in one transaction. */
export const importContract = {
  'import.dossiers': { access: ADMIN, input: importDossiersInput, output: importReportSchema },
} as const satisfies Record<string, MethodSpec>;

import type { DossierStatus } from '../../../shared/domain/dossier-status';

export interface ListFilter {
  status?: DossierStatus | undefined;
  procedureId?: string | undefined;
  /** Folded search words (prefix match on the folded applicant name). */
  terms: string[];
  /** A dossier-code prefix, when the query looks like a code. */
  codePrefix?: string | undefined;
  cursor?: { receivedMs: number; id: number } | undefined;
  limit: number;
}

/** Builds one WHERE clause for both the page and the count, so they can never disagree. */
export function whereClause(filter: ListFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.status) {
    parts.push('d.status = @status');
    params.status = filter.status;
  }
  if (filter.procedureId) {
    parts.push('d.procedure_id = @procedureId');
    params.procedureId = filter.procedureId;
  }
  if (filter.codePrefix) {
    // A range on the UNIQUE(code) index rather than LIKE, which SQLite cannot always use.
    parts.push('d.code >= @codeFrom AND d.code < @codeTo');
    params.codeFrom = filter.codePrefix;
    params.codeTo = `${filter.codePrefix}\uffff`;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Counting beyond this many matches would cost more than the page itself; the UI says "hơn 10.000". */
export const COUNT_CAP = 10_000;

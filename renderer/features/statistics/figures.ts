import type { Figures } from '../../../shared/api/schemas/statistics';
import { CELL_LABELS, type Sector, type StatCell } from '../../../shared/domain/statistics';
import type { DrilldownSpec } from './drilldown';

/** Which part of the office a row of figures covers (null fields: the whole office). */
export interface FigureScope {
  scopeLabel: string | null;
  sector?: Sector;
  procedureId?: string;
  appraiserId?: number;
}

export const OFFICE: FigureScope = { scopeLabel: null };

export function countOf(figures: Figures, cell: StatCell): number {
  const [group, key] = cell.split('.') as [keyof Figures, string];
  const part = figures[group] as Record<string, number>;
  return part[key] ?? 0;
}

/** The list behind one of the eleven figures of a row. */
export function cellSpec(figures: Figures, cell: StatCell, scope: FigureScope): DrilldownSpec {
  return {
    cell,
    title: CELL_LABELS[cell],
    expected: countOf(figures, cell),
    scopeLabel: scope.scopeLabel,
    ...(scope.sector ? { sector: scope.sector } : {}),
    ...(scope.procedureId ? { procedureId: scope.procedureId } : {}),
    ...(scope.appraiserId !== undefined ? { appraiserId: scope.appraiserId } : {}),
  };
}

/** Colours of the on-time classes, the same on cards, tables and charts. */
export const CLASS_COLORS = {
  early: 'green.7',
  onTime: 'teal.5',
  late: 'red.8',
  inTime: 'blue.5',
  overdue: 'orange.7',
} as const;

/** Mantine colour token 'green.7' -> CSS variable, for the charts. */
export function cssColor(token: string): string {
  return `var(--mantine-color-${token.replace('.', '-')})`;
}

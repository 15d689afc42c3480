import type { DrilldownCell } from '../../../shared/api/schemas/statistics';
import type { Sector } from '../../../shared/domain/statistics';

/** What a clicked number stands for: the list stats.drilldown returns for it has exactly that many rows. */
export interface DrilldownSpec {
  cell: DrilldownCell;
  /** 'Đang giải quyết quá hạn' */
  title: string;
  /** 'Lĩnh vực Báo chí', 'Chuyên viên Lê Thị Hoà'; null for the whole office. */
  scopeLabel: string | null;
  sector?: Sector;
  procedureId?: string;
  /** 0 = not assigned yet. */
  appraiserId?: number;
  dueSoonWorkingDays?: number;
  /** The number that was clicked. */
  expected: number;
}

export type OpenDrilldown = (spec: DrilldownSpec) => void;

// The open list is kept in the history entry of the page it was opened on: going back from a dossier opened
// from it shows the list again, while coming to the page from the menu (a new entry) does not.
const HISTORY_KEY = 'licenceDesk.drilldown';

interface Remembered {
  page: string;
  spec: DrilldownSpec;
}

function historyState(): Record<string, unknown> {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

export function rememberedDrilldown(page: string): DrilldownSpec | null {
  const entry = historyState()[HISTORY_KEY] as Remembered | undefined;
  return entry?.page === page ? entry.spec : null;
}

export function rememberDrilldown(page: string, spec: DrilldownSpec | null): void {
  const { [HISTORY_KEY]: _previous, ...rest } = historyState();
  window.history.replaceState(spec ? { ...rest, [HISTORY_KEY]: { page, spec } } : rest, '');
}

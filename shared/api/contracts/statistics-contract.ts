import {
  dashboardInput,
  dashboardOutput,
  drilldownInput,
  drilldownOutput,
  exportInput,
  exportOutput,
  periodInput,
  reportOutput,
  scorecardDrilldownInput,
  scorecardDrilldownOutput,
  scorecardOutput,
} from '../schemas/statistics';
import { LEADERS, type MethodSpec } from './method';

/**
 * Manager statistics and the national report (issue 5). Viewing is open to every signed-in user (the issue's
 * "read-only for others": the figures are the office's own, and the lists behind them show no more than
 * dossiers.list does). Exports — the signed national report and the register with applicants' details that
 * leave the application as files — are for leaders and administrators, and each one is audited.
 */
export const statisticsContract = {
  'stats.dashboard': { access: 'user', input: dashboardInput, output: dashboardOutput },
  'stats.drilldown': { access: 'user', input: drilldownInput, output: drilldownOutput },
  'stats.report': { access: 'user', input: periodInput, output: reportOutput },
  'stats.exportReport': { access: LEADERS, input: exportInput, output: exportOutput },
  'stats.exportRegister': { access: LEADERS, input: exportInput, output: exportOutput },
  /** "Chỉ số 766": on time the dashboard's way, online, digitised, electronic result, mean time per procedure. */
  'stats.scorecard': { access: 'user', input: periodInput, output: scorecardOutput },
  /** The dossiers that miss one indicator of the scorecard. */
  'stats.scorecardDrilldown': {
    access: 'user',
    input: scorecardDrilldownInput,
    output: scorecardDrilldownOutput,
  },
} as const satisfies Record<string, MethodSpec>;

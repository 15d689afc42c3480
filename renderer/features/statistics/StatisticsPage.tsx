import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  Center,
  Grid,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { DashboardOutput } from '../../../shared/api/schemas/statistics';
import { SECTOR_LABELS } from '../../../shared/domain/statistics';
import { useApiQuery } from '../../api/use-api-query';
import { anyChange, useDossierChanges } from '../../api/use-app-event';
import { useAppContext } from '../../app/app-context';
import { formatDate } from '../../lib/format';
import { AlertList } from './AlertList';
import { BreakdownTable, type BreakdownRow } from './BreakdownTable';
import { rememberDrilldown, rememberedDrilldown, type DrilldownSpec } from './drilldown';
import { DrilldownModal } from './DrilldownModal';
import { ScorecardPanel } from './ScorecardPanel';
import { KpiCards } from './KpiCards';
import { OutcomeChart } from './OutcomeChart';
import { periodErrorView, useOfficeToday } from './period-error';
import { resolveSelection, usePeriodSelection } from './period-selection';
import { PeriodPicker } from './PeriodPicker';

const PAGE = 'statistics';
const ALERT_ROWS = 8;

function sectorRows(data: DashboardOutput): BreakdownRow[] {
  return data.bySector.map((s) => ({
    key: s.sector,
    name: s.label,
    figures: s.figures,
    scope: { scopeLabel: `Lĩnh vực ${s.label}`, sector: s.sector },
  }));
}

function procedureRows(data: DashboardOutput): BreakdownRow[] {
  return data.bySector.flatMap((s) => [
    {
      key: `sector-${s.sector}`,
      name: s.label,
      figures: s.figures,
      scope: { scopeLabel: `Lĩnh vực ${s.label}`, sector: s.sector },
      kind: 'sector' as const,
    },
    ...data.byProcedure
      .filter((p) => p.sector === s.sector)
      .map((p) => ({
        key: p.procedureId,
        name: (
          <span title={p.name}>
            {p.code && (
              <Text span size="xs" c="dimmed" className="dossier-code">
                {p.code}{' '}
              </Text>
            )}
            {p.name}
          </span>
        ),
        figures: p.figures,
        scope: { scopeLabel: p.name, procedureId: p.procedureId },
      })),
  ]);
}

function appraiserRows(data: DashboardOutput): BreakdownRow[] {
  return data.byAppraiser.map((a) => ({
    key: String(a.appraiserId),
    name: a.appraiserId === 0 ? 'Chưa phân công' : a.name,
    figures: a.figures,
    pauses: a.pauses,
    scope: {
      scopeLabel: a.appraiserId === 0 ? 'Chưa phân công chuyên viên' : `Chuyên viên ${a.name}`,
      appraiserId: a.appraiserId,
    },
  }));
}

function totalRow(data: DashboardOutput, withPauses: boolean): BreakdownRow {
  const pauses = data.byAppraiser.reduce(
    (sum, a) => ({
      count: sum.count + a.pauses.count,
      daysWaited: sum.daysWaited + a.pauses.daysWaited,
      open: sum.open + a.pauses.open,
    }),
    { count: 0, daysWaited: 0, open: 0 },
  );
  return {
    key: 'total',
    name: 'Tổng cộng',
    figures: data.totals,
    scope: { scopeLabel: null },
    kind: 'total',
    ...(withPauses ? { pauses } : {}),
  };
}

/**
 * Thống kê: the period's figures for managers (issue 5 §1). Every number opens the dossiers behind it; the
 * lists' totals are the numbers (stats.drilldown counts exactly as stats.dashboard does).
 */
export function StatisticsPage() {
  const { settings } = useAppContext();
  const today = useOfficeToday(settings.office.utcOffsetMinutes);
  const selection = usePeriodSelection();
  const period = resolveSelection(selection, today);
  const [dueSoonDays, setDueSoonDays] = useState<number>(settings.office.dueSoonWorkingDays);
  const [drilldown, setDrilldown] = useState<DrilldownSpec | null>(() => rememberedDrilldown(PAGE));
  const open = useCallback((spec: DrilldownSpec | null) => {
    rememberDrilldown(PAGE, spec);
    setDrilldown(spec);
  }, []);

  const from = period?.from;
  const to = period?.to;
  const input = useMemo(
    () => (from && to ? { from, to, dueSoonWorkingDays: dueSoonDays, alertLimit: ALERT_ROWS } : null),
    [from, to, dueSoonDays],
  );
  const query = useApiQuery('stats.dashboard', input);
  // Figures follow the desks' work live; a dashboard over a year costs more than a list, so at most every 1.5 s.
  useDossierChanges(anyChange, query.reload, 1500);
  const problem = periodErrorView(query.error);
  const data = problem ? undefined : query.data;

  const rows = useMemo(
    () =>
      data && {
        sectors: [...sectorRows(data), totalRow(data, false)],
        procedures: [...procedureRows(data), totalRow(data, false)],
        appraisers: [...appraiserRows(data), totalRow(data, true)],
        sectorChart: sectorRows(data),
        appraiserChart: appraiserRows(data),
      },
    [data],
  );

  return (
    <Stack gap="sm" maw={1500}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={3}>Thống kê</Title>
          <Text size="sm" c="dimmed" data-testid="period-range">
            {data ? data.period.label : (period?.range ?? 'Chọn ngày bắt đầu và ngày kết thúc của kỳ.')}
          </Text>
        </Stack>
        <PeriodPicker selection={selection} today={today} fieldErrors={problem?.fieldErrors} />
      </Group>

      {problem && (
        <Alert color="red" title="Không lập được thống kê cho kỳ đã chọn" data-testid="period-error">
          {problem.messages.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
      {data?.period.notice && (
        <Alert color="yellow" p="xs" data-testid="period-notice">
          {data.period.notice}
        </Alert>
      )}
      {!data && !problem && period && (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      )}

      {data && rows && period && (
        <>
          <Group gap="xs" justify="flex-end" mih={16} mt={-8}>
            {query.isLoading && <Loader size="xs" aria-label="Đang tải số liệu" />}
          </Group>
          <KpiCards figures={data.totals} onOpen={open} />

          <Grid gap="sm">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <OutcomeChart
                title="Kết quả giải quyết theo lĩnh vực"
                rows={rows.sectorChart}
                onOpen={open}
                shortName={(row) => (row.scope.sector ? SECTOR_LABELS[row.scope.sector] : '')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <OutcomeChart
                title="Kết quả giải quyết theo chuyên viên"
                rows={rows.appraiserChart}
                onOpen={open}
                shortName={(row) => (typeof row.name === 'string' ? row.name : '')}
              />
            </Grid.Col>
          </Grid>

          <Paper withBorder p="sm">
            <Tabs defaultValue="procedure" keepMounted={false}>
              <Tabs.List mb="xs">
                <Tabs.Tab value="procedure">Theo thủ tục</Tabs.Tab>
                <Tabs.Tab value="sector">Theo lĩnh vực</Tabs.Tab>
                <Tabs.Tab value="appraiser">Theo chuyên viên (kèm tạm dừng chờ bổ sung)</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="procedure">
                <BreakdownTable
                  nameHeader="Lĩnh vực, thủ tục"
                  rows={rows.procedures}
                  onOpen={open}
                  testId="by-procedure"
                />
              </Tabs.Panel>
              <Tabs.Panel value="sector">
                <BreakdownTable nameHeader="Lĩnh vực" rows={rows.sectors} onOpen={open} testId="by-sector" />
              </Tabs.Panel>
              <Tabs.Panel value="appraiser">
                <BreakdownTable
                  nameHeader="Chuyên viên thẩm định"
                  rows={rows.appraisers}
                  onOpen={open}
                  hasPauses
                  testId="by-appraiser"
                />
              </Tabs.Panel>
            </Tabs>
          </Paper>

          <Grid gap="sm">
            <Grid.Col span={{ base: 12, xl: 6 }}>
              <AlertList
                title="Sắp đến hạn"
                color="orange.8"
                description={`Hồ sơ đang giải quyết có hạn trả từ hôm nay đến ${formatDate(data.alerts.dueSoonUntil)}.`}
                list={data.alerts.dueSoon}
                spec={{
                  cell: 'alerts.dueSoon',
                  title: `Sắp đến hạn trong ${data.alerts.dueSoonWorkingDays} ngày làm việc`,
                  scopeLabel: null,
                  dueSoonWorkingDays: data.alerts.dueSoonWorkingDays,
                  expected: data.alerts.dueSoon.total,
                }}
                onOpen={open}
                testId="alerts-due-soon"
                controls={
                  <NumberInput
                    label="Số ngày làm việc tới"
                    value={dueSoonDays}
                    onChange={(value) => {
                      const n = typeof value === 'number' ? value : Number(value);
                      if (Number.isInteger(n) && n >= 0 && n <= 30) setDueSoonDays(n);
                    }}
                    min={0}
                    max={30}
                    w={130}
                    size="xs"
                  />
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xl: 6 }}>
              <AlertList
                title="Quá hạn"
                color="red.8"
                description={`Hồ sơ đang giải quyết đã quá hạn trả (tính đến hôm nay ${formatDate(data.alerts.today)}).`}
                list={data.alerts.overdue}
                spec={{
                  cell: 'alerts.overdue',
                  title: 'Hồ sơ quá hạn (tính đến hôm nay)',
                  scopeLabel: null,
                  expected: data.alerts.overdue.total,
                }}
                onOpen={open}
                testId="alerts-overdue"
              />
            </Grid.Col>
          </Grid>
          <ScorecardPanel period={{ from: period.from, to: period.to }} />
          <DrilldownModal
            spec={drilldown}
            period={{ from: period.from, to: period.to, range: data.period.label }}
            onClose={() => open(null)}
          />
        </>
      )}
    </Stack>
  );
}

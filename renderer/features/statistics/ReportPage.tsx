import { useCallback, useMemo, useState } from 'react';
import { Alert, Center, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import {
  BIEU06_BASIS,
  BIEU06_FORM,
  BIEU06_TITLE,
  BIEU06_UNIT,
  REGISTER_FORM,
  REGISTER_TITLE,
  summaryLine,
} from '../../../shared/domain/statistics';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppContext, useHasRole } from '../../app/app-context';
import { Bieu06Table } from './Bieu06Table';
import { rememberDrilldown, rememberedDrilldown, type DrilldownSpec } from './drilldown';
import { DrilldownModal } from './DrilldownModal';
import { ExportButton } from './ExportButton';
import { periodErrorView, useOfficeToday } from './period-error';
import { resolveSelection, usePeriodSelection } from './period-selection';
import { PeriodPicker } from './PeriodPicker';

const PAGE = 'report';

const IDENTITIES = '(3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13); (3) = (7) + (11)';

/**
 * Báo cáo: Biểu 06/VPCP/KSTT for the chosen period, checked against its identities, exported to XLSX and PDF;
 * and the Sổ theo dõi hồ sơ (Mẫu 06) of the same period. Exports are for leaders and administrators (the
 * backend's access rule); everyone else sees the figures only.
 */
export function ReportPage() {
  const { settings } = useAppContext();
  const canExport = useHasRole('unit_leader', 'director', 'admin');
  const today = useOfficeToday(settings.office.utcOffsetMinutes);
  const selection = usePeriodSelection();
  const period = resolveSelection(selection, today);
  const from = period?.from;
  const to = period?.to;
  const input = useMemo(() => (from && to ? { from, to } : null), [from, to]);
  const query = useApiQuery('stats.report', input);
  const problem = periodErrorView(query.error);
  const report = problem ? undefined : query.data;
  const [drilldown, setDrilldown] = useState<DrilldownSpec | null>(() => rememberedDrilldown(PAGE));
  const open = useCallback((spec: DrilldownSpec | null) => {
    rememberDrilldown(PAGE, spec);
    setDrilldown(spec);
  }, []);

  const isConsistent = report !== undefined && report.problems.length === 0;
  const exportRun = (method: 'stats.exportReport' | 'stats.exportRegister', format: 'xlsx' | 'pdf') => () =>
    api[method]({ from: from ?? '', to: to ?? '', format });

  return (
    <Stack gap="sm" maw={1500}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={3}>Báo cáo</Title>
          <Text size="sm" c="dimmed" data-testid="period-range">
            {report ? report.period.label : (period?.range ?? 'Chọn ngày bắt đầu và ngày kết thúc của kỳ.')}
          </Text>
        </Stack>
        <PeriodPicker selection={selection} today={today} fieldErrors={problem?.fieldErrors} />
      </Group>

      {problem && (
        <Alert color="red" title="Không lập được báo cáo cho kỳ đã chọn" data-testid="period-error">
          {problem.messages.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
      {report?.period.notice && (
        <Alert color="yellow" p="xs" data-testid="period-notice">
          {report.period.notice}
        </Alert>
      )}
      {!report && !problem && period && (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      )}

      {report && period && (
        <>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {BIEU06_FORM} · {BIEU06_BASIS}
                  </Text>
                  <Text fw={700} size="sm">
                    {BIEU06_TITLE}
                  </Text>
                  <Text size="xs" c="dimmed">
                    ({report.period.label}) · {BIEU06_UNIT}
                  </Text>
                </Stack>
                {canExport && (
                  <Group gap="xs">
                    <ExportButton
                      label="Xuất Excel"
                      what="Biểu 06 (Excel)"
                      run={exportRun('stats.exportReport', 'xlsx')}
                      disabled={!isConsistent}
                    />
                    <ExportButton
                      label="Xuất PDF"
                      what="Biểu 06 (PDF)"
                      run={exportRun('stats.exportReport', 'pdf')}
                      disabled={!isConsistent}
                    />
                  </Group>
                )}
              </Group>

              <Bieu06Table rows={report.rows} onOpen={open} />

              <Text size="sm" fs="italic" data-testid="report-summary">
                {summaryLine(report.total.rate, report.averageProcessingDays)}
              </Text>
              {isConsistent ? (
                <Alert color="green" p="xs" data-testid="invariants">
                  Số liệu khớp với các ràng buộc của biểu: {IDENTITIES}; mỗi lĩnh vực bằng tổng các thủ tục,
                  dòng tổng cộng bằng tổng các lĩnh vực.
                </Alert>
              ) : (
                <Alert color="red" title="Số liệu không khớp — chưa xuất được biểu" data-testid="invariants">
                  <List size="sm">
                    {report.problems.map((p) => (
                      <List.Item key={p}>{p}</List.Item>
                    ))}
                  </List>
                  <Text size="sm" mt={4}>
                    Hãy báo quản trị viên kiểm tra dữ liệu.
                  </Text>
                </Alert>
              )}
              {!canExport && (
                <Text size="xs" c="dimmed">
                  Chỉ lãnh đạo và quản trị hệ thống xuất được báo cáo ra tệp.
                </Text>
              )}
            </Stack>
          </Paper>

          <Paper withBorder p="sm">
            <Group justify="space-between" align="center" wrap="wrap" gap="sm">
              <Stack gap={0}>
                <Text fw={700} size="sm">
                  {REGISTER_TITLE.charAt(0)}
                  {REGISTER_TITLE.slice(1).toLocaleLowerCase('vi')}
                </Text>
                <Text size="xs" c="dimmed">
                  {REGISTER_FORM} · mọi hồ sơ tiếp nhận trong kỳ ({report.period.label.replace(/^Từ/, 'từ')}),
                  kèm ngày nhận, hẹn trả, chuyển và trả kết quả.
                </Text>
              </Stack>
              {canExport && (
                <Group gap="xs">
                  <ExportButton
                    label="Sổ theo dõi hồ sơ (Excel)"
                    what="Sổ theo dõi hồ sơ (Excel)"
                    run={exportRun('stats.exportRegister', 'xlsx')}
                  />
                  <ExportButton
                    label="Sổ theo dõi hồ sơ (PDF)"
                    what="Sổ theo dõi hồ sơ (PDF)"
                    run={exportRun('stats.exportRegister', 'pdf')}
                  />
                </Group>
              )}
            </Group>
          </Paper>

          <DrilldownModal
            spec={drilldown}
            period={{ from: period.from, to: period.to, range: report.period.label }}
            onClose={() => open(null)}
          />
        </>
      )}
    </Stack>
  );
}

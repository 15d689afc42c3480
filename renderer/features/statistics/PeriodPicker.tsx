import { ActionIcon, Button, Group, SegmentedControl, Switch, Text, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { parseViDate } from '../../lib/format';
import {
  PERIOD_CHOICE_LABELS,
  periodChoices,
  resolveSelection,
  setPeriodSelection,
  type PeriodChoice,
  type PeriodSelection,
} from './period-selection';

const choiceData = periodChoices.map((value) => ({ value, label: PERIOD_CHOICE_LABELS[value] }));

interface PeriodPickerProps {
  selection: PeriodSelection;
  today: string;
  /**
   * The backend's messages for the custom range (from after to, in the future, …): the boxes turn red, the
   * page shows the text above the figures (too long to sit under a date box).
   */
  fieldErrors?: { from?: string | undefined; to?: string | undefined };
}

/** Kỳ thống kê: this month / quarter / year (and earlier ones), or a custom range; calendar or report basis. */
export function PeriodPicker({ selection, today, fieldErrors = {} }: PeriodPickerProps) {
  const resolved = resolveSelection(selection, today);
  const update = (patch: Partial<PeriodSelection>) => setPeriodSelection({ ...selection, ...patch });

  const choose = (value: string) => {
    const choice = value as PeriodChoice;
    if (choice === 'custom') {
      // Start the custom range from what was on screen, so the manager only adjusts it.
      update({
        choice,
        from: selection.from ?? resolved?.from ?? null,
        to: selection.to ?? resolved?.to ?? null,
      });
    } else {
      update({ choice, offset: 0 });
    }
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="period-picker">
      <SegmentedControl
        aria-label="Loại kỳ thống kê"
        data={choiceData}
        value={selection.choice}
        onChange={choose}
      />
      {selection.choice === 'custom' ? (
        <>
          <DateInput
            label="Từ ngày"
            valueFormat="DD/MM/YYYY"
            dateParser={parseViDate}
            placeholder="dd/mm/yyyy"
            value={selection.from}
            onChange={(value) => update({ from: value ?? null })}
            error={Boolean(fieldErrors.from)}
            aria-invalid={Boolean(fieldErrors.from)}
            w={150}
            size="xs"
          />
          <DateInput
            label="Đến ngày"
            valueFormat="DD/MM/YYYY"
            dateParser={parseViDate}
            placeholder="dd/mm/yyyy"
            value={selection.to}
            onChange={(value) => update({ to: value ?? null })}
            error={Boolean(fieldErrors.to)}
            aria-invalid={Boolean(fieldErrors.to)}
            w={150}
            size="xs"
          />
        </>
      ) : (
        <Group gap={4} align="center" wrap="nowrap">
          <Tooltip label="Kỳ trước">
            <ActionIcon
              variant="default"
              aria-label="Kỳ trước"
              onClick={() => update({ offset: selection.offset - 1 })}
            >
              ‹
            </ActionIcon>
          </Tooltip>
          <Text fw={600} size="sm" miw={150} ta="center" data-testid="period-name">
            {resolved?.name}
          </Text>
          <Tooltip label="Kỳ sau">
            <ActionIcon
              variant="default"
              aria-label="Kỳ sau"
              disabled={selection.offset >= 0}
              onClick={() => update({ offset: selection.offset + 1 })}
            >
              ›
            </ActionIcon>
          </Tooltip>
          {selection.offset !== 0 && (
            <Button variant="subtle" size="compact-sm" onClick={() => update({ offset: 0 })}>
              Kỳ hiện tại
            </Button>
          )}
        </Group>
      )}
      {selection.choice !== 'custom' && (
        <Switch
          label="Kỳ báo cáo (từ ngày 15 tháng trước đến ngày 14)"
          checked={selection.isReportBasis}
          onChange={(event) => update({ isReportBasis: event.currentTarget.checked, offset: 0 })}
          mb={6}
        />
      )}
    </Group>
  );
}

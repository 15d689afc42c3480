import { Badge, Group, Text, Timeline, type MantineColor } from '@mantine/core';
import {
  dossierStatusLabels,
  dossierStatuses,
  type DossierStatus,
} from '../../../shared/domain/dossier-status';
import { CLOCK_EFFECT_LABELS } from '../../../shared/domain/workflow/workflow-actions';
import { useOfficeOffset } from '../../app/app-context';
import { formatInstant } from '../../lib/format';
import type { WorkflowView } from '../workflow/action-form';

type TimelineEvent = WorkflowView['events'][number];

function statusLabel(status: string | null): string | null {
  if (status === null) return null;
  return (dossierStatuses as readonly string[]).includes(status)
    ? dossierStatusLabels[status as DossierStatus]
    : status;
}

/** The clock-effect text comes from CLOCK_EFFECT_LABELS; its colour says which way the clock went. */
function clockColor(effect: string): MantineColor {
  if (effect === CLOCK_EFFECT_LABELS.pause) return 'yellow';
  if (effect === CLOCK_EFFECT_LABELS.resume) return 'cyan';
  return 'teal';
}

/** Diễn biến: every event in order — who, when, what, and what it did to the legal clock. */
export function EventTimeline({ events }: { events: TimelineEvent[] }) {
  const offset = useOfficeOffset();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Chưa có diễn biến nào được ghi.
      </Text>
    );
  }
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {events.map((event) => {
        const from = statusLabel(event.fromStatus);
        const to = statusLabel(event.toStatus);
        return (
          <Timeline.Item
            key={event.id}
            data-testid="timeline-event"
            title={
              <Group gap={8} wrap="wrap">
                <Text size="sm" fw={600}>
                  {event.label}
                </Text>
                {event.clockEffect && (
                  <Badge size="xs" color={clockColor(event.clockEffect)} variant="light">
                    {event.clockEffect}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatInstant(event.at, offset)} · {event.actorName}
              {from && to && from !== to ? ` · ${from} → ${to}` : ''}
            </Text>
            {event.note && (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

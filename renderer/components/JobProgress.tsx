import { useEffect, useState } from 'react';
import { Group, Progress, Stack, Text } from '@mantine/core';
import type { JobProgress as JobProgressEvent } from '../api/use-job-progress';
import { formatCount } from '../lib/format';

interface JobProgressProps {
  /** What is running: "Đang kiểm tra tệp". */
  label: string;
  /** When the request started (ms since epoch). */
  startedAt: number;
  /** Pushed progress (job.progress events); without it the bar is indeterminate. */
  progress: JobProgressEvent | null;
}

function useSecondsSince(startedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - startedAt) / 1000));
}

function formatElapsed(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} phút ${String(s).padStart(2, '0')} giây` : `${s} giây`;
}

/**
 * A long request on its way. Without progress events yet the bar moves without a percentage
 * and the elapsed time shows that the work goes on; job.progress events give the real figures.
 */
export function JobProgress({ label, startedAt, progress }: JobProgressProps) {
  const seconds = useSecondsSince(startedAt);
  const hasTotal = progress !== null && progress.total > 0;
  const percent = hasTotal ? Math.min(100, (progress.done / progress.total) * 100) : 100;
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="job-progress">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
          {progress?.label ? ` — ${progress.label}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {hasTotal ? `${formatCount(progress.done)} / ${formatCount(progress.total)} · ` : ''}
          {formatElapsed(seconds)}
        </Text>
      </Group>
      <Progress
        value={percent}
        striped={!hasTotal}
        animated={!hasTotal}
        size="md"
        aria-label={label}
        transitionDuration={200}
      />
    </Stack>
  );
}

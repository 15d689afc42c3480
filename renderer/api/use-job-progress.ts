import { useEffect, useState } from 'react';
import type { AppEvent } from '../../shared/api/events';
import { onAppEvent } from './app-events';

export type JobProgress = Extract<AppEvent, { type: 'job.progress' }>['payload'];

function isJobProgress(value: unknown): value is JobProgress {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.jobId === 'string' &&
    typeof p.done === 'number' &&
    typeof p.total === 'number' &&
    typeof p.label === 'string'
  );
}

/**
 * The latest `job.progress` event of a running job whose id starts with `jobPrefix`, or null (the caller then
 * shows an indeterminate bar). Electron pushes it over IPC, the web edition and the office server over their
 * event stream — to the account that started the job only.
 */
export function useJobProgress(jobPrefix: string, isRunning: boolean): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [wasRunning, setWasRunning] = useState(isRunning);
  if (wasRunning !== isRunning) {
    setWasRunning(isRunning);
    if (isRunning) setProgress(null);
  }
  useEffect(() => {
    if (!isRunning) return;
    return onAppEvent('job.progress', (payload) => {
      if (isJobProgress(payload) && payload.jobId.startsWith(jobPrefix)) setProgress(payload);
    });
  }, [jobPrefix, isRunning]);
  return isRunning ? progress : null;
}

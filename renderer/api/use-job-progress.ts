import { useEffect, useState } from 'react';
import type { AppEvent } from '../../shared/api/events';
import { getBridge } from './client';

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
 * The latest `job.progress` event of a running job whose id starts with `jobPrefix`, or null. Only Electron
 * pushes events (window.licenceDesk.on); the web edition has no push channel, so there it stays null and the
 * caller shows an indeterminate bar instead.
 */
export function useJobProgress(jobPrefix: string, isRunning: boolean): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [wasRunning, setWasRunning] = useState(isRunning);
  if (wasRunning !== isRunning) {
    setWasRunning(isRunning);
    if (isRunning) setProgress(null);
  }
  useEffect(() => {
    const bridge = getBridge();
    if (!isRunning || !bridge) return;
    return bridge.on('job.progress', (payload) => {
      if (isJobProgress(payload) && payload.jobId.startsWith(jobPrefix)) setProgress(payload);
    });
  }, [jobPrefix, isRunning]);
  return isRunning ? progress : null;
}

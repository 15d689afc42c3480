import { useEffect, useRef } from 'react';
import type { AppEventType, DossiersChanged } from '../../shared/api/events';
import { onAppEvent } from './app-events';

/** Subscribes to a backend event for the life of the component; the latest `listener` is always called. */
export function useAppEvent(type: AppEventType, listener: (payload: unknown) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => onAppEvent(type, (payload) => latest.current(payload)), [type]);
}

/**
 * Reloads when someone changes dossiers this view shows: right away, then at most once per `intervalMs` while
 * changes keep coming (fifty desks at work must not turn every open list into a reload loop), and always once
 * after the last change — so every open view is fresh within about a second.
 */
export function useDossierChanges(
  isRelevant: (change: DossiersChanged) => boolean,
  reload: () => void,
  intervalMs = 1000,
): void {
  const relevant = useRef(isRelevant);
  const latestReload = useRef(reload);
  useEffect(() => {
    relevant.current = isRelevant;
    latestReload.current = reload;
  });
  useEffect(() => {
    let last = 0;
    let timer: number | null = null;
    const fire = () => {
      timer = null;
      last = Date.now();
      latestReload.current();
    };
    const unsubscribe = onAppEvent('dossiers.changed', (payload) => {
      if (!isDossiersChanged(payload) || !relevant.current(payload) || timer !== null) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) fire();
      else timer = window.setTimeout(fire, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [intervalMs]);
}

function isDossiersChanged(value: unknown): value is DossiersChanged {
  return typeof value === 'object' && value !== null && Array.isArray((value as DossiersChanged).ids);
}

/** Every change is relevant to a list or a dashboard. */
export const anyChange = () => true;

import { randomUUID } from 'node:crypto';
import type { BusEvent, EventBus } from '../../electron/backend/events/event-bus';

const SETTLE_LABEL = 'test: bus settled';

/**
 * Resolves once every event published on `bus` before the call has been delivered. The in-process bus delivers
 * synchronously; on PostgreSQL the bus is pg_notify/LISTEN and delivery is asynchronous but in order, so a
 * marker published now arrives after everything published earlier.
 */
export async function settled(bus: EventBus, timeoutMs = 15_000): Promise<void> {
  const jobId = `settle-${randomUUID()}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`event bus did not settle within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = bus.subscribe((m) => {
      if (m.event.type !== 'job.progress' || m.event.payload.jobId !== jobId) return;
      clearTimeout(timer);
      off();
      resolve();
    });
    // No account has id -1: no client stream shows the marker.
    bus.publish({
      event: { type: 'job.progress', payload: { jobId, done: 0, total: 0, label: SETTLE_LABEL } },
      audienceUserId: -1,
    });
  });
}

/** The events a test cares about: the settle markers left out. */
export function withoutMarkers(seen: readonly BusEvent[]): BusEvent[] {
  return seen.filter((m) => !(m.event.type === 'job.progress' && m.event.payload.label === SETTLE_LABEL));
}

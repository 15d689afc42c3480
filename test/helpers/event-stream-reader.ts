// Reads the office server's event stream (GET /events) from Node, as the renderer and the desktop client do.
import https from 'node:https';

export interface StreamEvent {
  type: string;
  payload: unknown;
}

export interface EventStreamReader {
  connected: Promise<void>;
  /** The next event (already received or still to come) that matches. */
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  events: StreamEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function readEventStream(options: {
  port: number;
  ca: string;
  sessionToken: string;
}): EventStreamReader {
  const events: StreamEvent[] = [];
  const waiters: Array<{ match: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }> = [];
  let markConnected!: () => void;
  let failConnected!: (error: Error) => void;
  let markEnded!: () => void;
  const connected = new Promise<void>(
    (resolve, reject) => ((markConnected = resolve), (failConnected = reject)),
  );
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const deliver = (event: StreamEvent) => {
    events.push(event);
    for (const waiter of [...waiters])
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
  };
  const req = https.get(
    {
      host: '127.0.0.1',
      port: options.port,
      path: '/events',
      ca: options.ca,
      agent: false,
      headers: { 'x-licence-desk-session': options.sessionToken },
    },
    (res) => {
      if (res.statusCode !== 200) {
        failConnected(new Error(`event stream refused: ${res.statusCode}`));
        res.resume();
        return;
      }
      markConnected();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) deliver({ type, payload: JSON.parse(data) as unknown });
        }
      });
      res.on('end', () => markEnded());
      res.on('close', () => markEnded());
    },
  );
  req.on('error', (error) => {
    failConnected(error);
    markEnded();
  });
  return {
    connected,
    events,
    ended,
    next(match, timeoutMs = 5_000) {
      const known = events.find(match);
      if (known) return Promise.resolve(known);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching event in time')), timeoutMs);
        waiters.push({
          match,
          resolve: (event) => {
            clearTimeout(timer);
            resolve(event);
          },
        });
      });
    },
    close: () => req.destroy(),
  };
}

// One simulated desk's HTTPS connection to the office server: a keep-alive agent trusting the server's own
// certificate, JSON calls with the session header and a request id, and the event stream a browser tab keeps.
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface CallOutcome<T = unknown> {
  ok: boolean;
  data?: T;
  code?: string;
  ms: number;
}

export class DeskConnection {
  private readonly agent: https.Agent;
  session: string | null = null;
  private stream: ReturnType<typeof https.get> | null = null;

  constructor(
    private readonly port: number,
    private readonly ca: string,
  ) {
    // A browser tab holds a few connections to its origin; one for calls and one for the stream is enough here.
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 2, ca });
  }

  call<T>(method: string, input: unknown): Promise<CallOutcome<T>> {
    const body = JSON.stringify(input);
    const started = performance.now();
    return new Promise((resolve) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: `/api/${method}`,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-licence-desk-request-id': randomUUID(),
            ...(this.session ? { 'x-licence-desk-session': this.session } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            try {
              const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                ok: boolean;
                data?: T;
                error?: { code: string };
              };
              resolve(
                envelope.ok
                  ? { ok: true, data: envelope.data as T, ms }
                  : { ok: false, code: envelope.error?.code, ms },
              );
            } catch {
              resolve({ ok: false, code: `HTTP_${res.statusCode}`, ms });
            }
          });
        },
      );
      req.on('error', () => resolve({ ok: false, code: 'NETWORK', ms: performance.now() - started }));
      req.end(body);
    });
  }

  /** Opens the event stream; `onChange` runs for every dossiers.changed event. */
  listen(onChange: () => void): void {
    this.stream = https.get(
      {
        host: '127.0.0.1',
        port: this.port,
        path: '/events',
        agent: false,
        ca: this.ca,
        headers: { 'x-licence-desk-session': this.session ?? '' },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          if (text.includes('event: dossiers.changed')) onChange();
        });
      },
    );
    this.stream.on('error', () => undefined);
  }

  close(): void {
    this.stream?.destroy();
    this.agent.destroy();
  }
}

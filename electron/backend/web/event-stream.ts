import type http from 'node:http';
import type { Backend } from '../dispatch';
import type { BusEvent } from '../events/event-bus';
import { SESSION_REFUSALS } from '../dispatch';

/** A comment line every so often keeps proxies and the client's watchdog from taking a quiet stream for dead. */
export const HEARTBEAT_MS = 15_000;

/**
 * The server-to-client event stream (GET /events): text/event-stream framing over an ordinary response, read
 * by the renderer with fetch() because EventSource cannot send the session header. One stream per signed-in
 * tab or desktop client. Each heartbeat re-checks the session without counting as activity, so a deactivated
 * account's stream ends within a heartbeat and an idle desk still times out.
 */
export async function serveEventStream(
  backend: Backend,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  sessionToken: string | null,
  baseHeaders: Record<string, string>,
  heartbeatMs = HEARTBEAT_MS,
): Promise<void> {
  const { ctx } = backend;
  const first = await ctx.sessions.resolve(sessionToken, { isActivity: false });
  if (!first.ok) {
    res.writeHead(401, { ...baseHeaders, 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: SESSION_REFUSALS[first.reason] },
      }),
    );
    return;
  }
  const userId = first.user.id;
  res.writeHead(200, {
    ...baseHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  res.write(`: connected\n\n`);
  let isOpen = true;
  const send = (message: BusEvent) => {
    if (!isOpen) return;
    if (message.audienceUserId !== undefined && message.audienceUserId !== userId) return;
    res.write(`event: ${message.event.type}\ndata: ${JSON.stringify(message.event.payload)}\n\n`);
  };
  const unsubscribe = ctx.events.subscribe(send);
  const close = (reason: string) => {
    if (!isOpen) return;
    isOpen = false;
    unsubscribe();
    clearInterval(timer);
    ctx.log.info('event stream closed', { user: first.user.username, reason });
    res.end();
  };
  const check = async () => {
    const now = await ctx.sessions.resolve(sessionToken, { isActivity: false });
    if (!isOpen) return;
    if (!now.ok) {
      res.write(
        `event: session.ended\ndata: ${JSON.stringify({ message: SESSION_REFUSALS[now.reason] })}\n\n`,
      );
      close(`session ${now.reason}`);
      return;
    }
    res.write(`: ping\n\n`);
  };
  const timer = setInterval(() => {
    check().catch((error: unknown) => {
      ctx.log.warn('event stream check failed', { detail: String(error) });
      close('check failed');
    });
  }, heartbeatMs);
  timer.unref();
  req.on('close', () => close('client left'));
  res.on('error', () => close('write failed'));
}

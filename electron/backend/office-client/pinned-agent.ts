import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';

/** The certificate the server presented is not the one pinned: nothing was sent to it. */
export class CertificateChangedError extends Error {
  readonly code = 'CERT_PIN_MISMATCH';
  constructor(
    readonly expected: string,
    readonly presented: string,
  ) {
    super(`server certificate changed: pinned ${expected}, presented ${presented}`);
    this.name = 'CertificateChangedError';
  }
}

export function normalizeFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/**
 * An HTTPS agent that trusts exactly one certificate, by its SHA-256 fingerprint, whoever signed it. The
 * socket is handed to the HTTP request only after the handshake and the fingerprint check, so not a byte of a
 * request (session token included) ever reaches a server presenting another certificate. Certificate-authority
 * trust is not used at all: the office's self-signed certificate is confirmed once by a person, then pinned.
 */
export class PinnedAgent extends https.Agent {
  private readonly pin: string;

  constructor(
    fingerprint: string,
    options: https.AgentOptions = {},
    /** Where to dial when it is not the URL's host and port (a port forward; tests put a relay there). */
    private readonly dial?: { host: string; port: number },
  ) {
    // No TLS session resumption: every new connection shows its certificate and is checked.
    super({ keepAlive: true, maxSockets: 8, ...options, maxCachedSessions: 0 });
    this.pin = normalizeFingerprint(fingerprint);
  }

  override createConnection(
    options: tls.ConnectionOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ): Duplex | undefined {
    const socket = tls.connect({ ...options, ...this.dial, rejectUnauthorized: false, session: undefined });
    let isDone = false;
    const done = (error: Error | null) => {
      if (isDone) return;
      isDone = true;
      callback?.(error, socket);
    };
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256 ?? '';
      if (normalizeFingerprint(presented) !== this.pin) {
        const error = new CertificateChangedError(this.pin, normalizeFingerprint(presented));
        socket.destroy(error);
        done(error);
        return;
      }
      done(null);
    });
    socket.once('error', (error) => done(error));
    // Returning nothing makes the agent wait for the callback (Node's Agent supports an async createConnection).
    return undefined;
  }
}

/** The certificate a server presents, for a person to compare with the fingerprint its console printed. */
export function probeCertificate(
  url: URL,
  timeoutMs = 10_000,
): Promise<{ fingerprint: string; subject: string; validTo: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      servername: isIpLiteral(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve({
        fingerprint: normalizeFingerprint(cert.fingerprint256 ?? ''),
        subject: String(cert.subject?.CN ?? ''),
        validTo: cert.valid_to ?? '',
      });
    });
    socket.once('timeout', () => socket.destroy(new Error('timed out')));
    socket.once('error', reject);
  });
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');
}

import net from 'node:net';
import os from 'node:os';

export interface ListenAddress {
  host: string;
  port: number;
}

export const DEFAULT_OFFICE_PORT = 8443;

/** Parses `--listen ADDR:PORT` ('0.0.0.0:8443', '192.168.1.10:443', '[::]:8443', ':8443'); null when malformed. */
export function parseListen(value: string | undefined): ListenAddress | null {
  if (value === undefined) return { host: '0.0.0.0', port: DEFAULT_OFFICE_PORT };
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value.trim());
  if (!match) return null;
  const host = match[1] ?? (match[2] || '0.0.0.0');
  const port = Number(match[3]);
  if (port > 65535) return null;
  if (!net.isIP(host) && !/^[a-zA-Z0-9.-]+$/.test(host)) return null;
  return { host, port };
}

/** A host name a desk may type: letters, digits, dots and dashes (no scheme, no port). */
export function isHostName(name: string): boolean {
  return (
    net.isIP(name) !== 0 ||
    /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(
      name,
    )
  );
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/**
 * The names and addresses desks may use to reach the server: the `--host-name`s given, the listen address
 * when it is a real one, and — when none are given — this machine's name and its addresses. They make the
 * certificate's subjectAltName and the Host/Origin allow-lists, so both always agree.
 */
export function officeNames(listen: ListenAddress, hostNames: readonly string[]): string[] {
  const names: string[] = [...hostNames.map((n) => n.toLowerCase())];
  if (!isWildcard(listen.host)) names.push(listen.host.toLowerCase());
  if (hostNames.length === 0) {
    if (isWildcard(listen.host)) {
      names.push(os.hostname().toLowerCase());
      for (const list of Object.values(os.networkInterfaces()))
        for (const address of list ?? [])
          if (!address.internal && address.family === 'IPv4') names.push(address.address);
    }
    names.push('localhost', '127.0.0.1');
  }
  return [...new Set(names)].filter(isHostName);
}

/** 'name:port' as a browser sends it in Host (IPv6 in brackets; no port for 443). */
export function hostHeaderValues(name: string, port: number): string[] {
  const host = net.isIPv6(name) ? `[${name}]` : name;
  return port === 443 ? [host, `${host}:443`] : [`${host}:${port}`];
}

export function allowLists(
  names: readonly string[],
  port: number,
): { hosts: Set<string>; origins: Set<string> } {
  const hosts = new Set(names.flatMap((name) => hostHeaderValues(name, port)));
  const origins = new Set(names.flatMap((name) => hostHeaderValues(name, port).map((h) => `https://${h}`)));
  // Browsers drop ':443' from an https origin; keep only what they can send.
  for (const origin of [...origins]) if (origin.endsWith(':443')) origins.delete(origin);
  return { hosts, origins };
}

export function officeUrl(name: string, port: number): string {
  return `https://${hostHeaderValues(name, port)[0]}/`;
}

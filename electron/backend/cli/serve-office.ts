import type { CliEnv } from './cli-context';
import type { Backend } from '../dispatch';
import { isHostName, officeNames, parseListen } from '../office/office-addresses';
import { loadOfficeCertificate } from '../office/office-certificate';
import { startOfficeServer, type RunningOfficeServer } from '../office/office-server';

export interface OfficeCommandOptions {
  rendererDir: string;
  dataDir: string;
  listen: string | undefined;
  hostNames: string[];
  tlsCert: string | undefined;
  tlsKey: string | undefined;
}

/**
 * Starts the office server and prints what the administrator needs, each on its own line: the address, the
 * certificate fingerprint desks confirm, and — while the first administrator has not chosen a password — the
 * one-time password, here on the server's console only. Returns an exit code when it cannot start.
 */
export async function startOfficeCommand(
  env: CliEnv,
  backend: Backend,
  options: OfficeCommandOptions,
): Promise<RunningOfficeServer | number> {
  const listen = parseListen(options.listen);
  if (!listen) {
    env.stderr(
      `--listen must be ADDR:PORT (e.g. 0.0.0.0:8443 or 192.168.1.10:443), got "${options.listen}"\n`,
    );
    return 1;
  }
  const bad = options.hostNames.find((name) => !isHostName(name));
  if (bad !== undefined) {
    env.stderr(`--host-name must be a plain host name or address (no scheme, no port), got "${bad}"\n`);
    return 1;
  }
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    env.stderr('--tls-cert and --tls-key go together\n');
    return 1;
  }
  const names = officeNames(listen, options.hostNames);
  let server: RunningOfficeServer;
  try {
    const certificate = await loadOfficeCertificate({
      dataDir: options.dataDir,
      names,
      ...(options.tlsCert ? { certFile: options.tlsCert } : {}),
      ...(options.tlsKey ? { keyFile: options.tlsKey } : {}),
    });
    if (certificate.source === 'generated')
      env.stdout(`Generated a self-signed certificate for ${names.join(', ')}: ${certificate.certFile}\n`);
    server = await startOfficeServer({
      backend,
      rendererDir: options.rendererDir,
      listen,
      names,
      certificate,
    });
  } catch (error) {
    env.stderr(
      `The office server could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  env.stdout(`LicenceDesk office server: ${server.url}\n`);
  env.stdout(`Certificate SHA-256: ${server.fingerprint}\n`);
  const first = backend.ctx.bootstrap;
  if (first) {
    env.stdout(
      `First start: log in as "${first.username}" with the one-time password ${first.temporaryPassword} ` +
        `(it is shown only here, and must be changed at the first login)\n`,
    );
  }
  return server;
}

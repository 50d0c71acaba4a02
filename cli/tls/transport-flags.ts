/**
 * The TLS flags of SPEC §8 and what they mean: servers (`--tls-cert --tls-key [--tls-client-ca]`,
 * `--insecure`) and clients (`--tls-ca --tls-cert --tls-key`, env CARDGATE_TLS_*), read into the PEM
 * contents the servers and CenterClient take. Servers refuse a listen address beyond loopback in
 * plain text; CenterClient itself refuses to send a token in plain text beyond loopback.
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { ChargeTls, ServerTls } from '../../center/config.js';
import type { ClientTls } from '../../terminal/center-client.js';
import { isLoopbackHost, isLoopbackTarget } from '../../terminal/center-target.js';

export interface ServerTlsFlags {
  tlsCert?: string;
  tlsKey?: string;
  tlsClientCa?: string;
  insecure?: boolean;
}

export interface ClientTlsFlags {
  tlsCa?: string;
  tlsCert?: string;
  tlsKey?: string;
}

const HOW_TO =
  'make certificates with `cardgate admin tls init --dir DIR --host NAME` and pass --tls-cert DIR/server.crt --tls-key DIR/server.key';

function readPem(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${flag} ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error,
    });
  }
}

/** `--tls-cert`, `--tls-key`, `--tls-client-ca` and `--insecure`, for `cardgate center` and `cardgate charge`. */
export function serverTlsFlags(command: Command): Command {
  return command
    .option('--tls-cert <path>', 'serve TLS only, with this certificate (PEM; see `cardgate admin tls init`)')
    .option('--tls-key <path>', 'the private key of --tls-cert (PEM)')
    .option('--tls-client-ca <path>', 'mutual TLS: every client must present a certificate this authority signed')
    .option('--insecure', 'allow plain text on an address beyond loopback (a network you trust completely)', false);
}

/** The server's TLS from its flags, refusing plain text on an address outside 127.0.0.0/8 and ::1 unless --insecure. */
export function serverTls(flags: ServerTlsFlags, listen: string): ServerTls | undefined {
  if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey))
    throw new Error('--tls-cert and --tls-key go together: give both, or neither');
  if (flags.tlsClientCa && !flags.tlsCert) throw new Error(`--tls-client-ca needs --tls-cert and --tls-key: ${HOW_TO}`);
  if (!flags.tlsCert || !flags.tlsKey) {
    const host = listen.replace(/:\d+$/, '');
    if (!isLoopbackHost(host) && !flags.insecure) {
      throw new Error(
        `refusing to listen on ${listen} without TLS: beyond loopback, tokens and card numbers would cross the network in clear text. ` +
          `To serve TLS, ${HOW_TO} (add --tls-client-ca DIR/ca.crt for mutual TLS); or listen on 127.0.0.1; or pass --insecure.`,
      );
    }
    return undefined;
  }
  return {
    cert: readPem('--tls-cert', flags.tlsCert),
    key: readPem('--tls-key', flags.tlsKey),
    clientCa: flags.tlsClientCa ? readPem('--tls-client-ca', flags.tlsClientCa) : undefined,
  };
}

/** `--tls-ca`, `--tls-cert`, `--tls-key` (env CARDGATE_TLS_CA, _CERT, _KEY) for every command that calls the center. */
export function clientTlsFlags(command: Command, prefix = '', envPrefix: string | undefined = 'CARDGATE_TLS'): Command {
  const option = (name: string, description: string, envName: string) => {
    const made = new Option(`--${prefix}tls-${name} <path>`, description);
    return envPrefix ? made.env(`${envPrefix}_${envName}`) : made;
  };
  return command
    .addOption(
      option('ca', 'connect with TLS, trusting this authority (PEM, ca.crt of `cardgate admin tls init`)', 'CA'),
    )
    .addOption(option('cert', 'mutual TLS: present this client certificate (`cardgate admin tls client`)', 'CERT'))
    .addOption(option('key', 'the private key of the client certificate', 'KEY'));
}

/** A client's TLS from its flags (named with `prefix`, e.g. "charge-"); undefined means plain text. */
export function clientTls(flags: ClientTlsFlags, prefix = ''): ClientTls | undefined {
  const flag = (name: string) => `--${prefix}tls-${name}`;
  if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey))
    throw new Error(`${flag('cert')} and ${flag('key')} go together: give both, or neither`);
  if (!flags.tlsCa && !flags.tlsCert) return undefined;
  return {
    ca: flags.tlsCa ? readPem(flag('ca'), flags.tlsCa) : undefined,
    cert: flags.tlsCert ? readPem(flag('cert'), flags.tlsCert) : undefined,
    key: flags.tlsKey ? readPem(flag('key'), flags.tlsKey) : undefined,
  };
}

/** The center's TLS towards the charge terminal, refusing card numbers in plain text beyond loopback unless --insecure. */
export function chargeTls(
  flags: { chargeTlsCa?: string; chargeTlsCert?: string; chargeTlsKey?: string },
  charge: string,
  insecure: boolean,
): ChargeTls | undefined {
  const tls = clientTls(
    { tlsCa: flags.chargeTlsCa, tlsCert: flags.chargeTlsCert, tlsKey: flags.chargeTlsKey },
    'charge-',
  );
  if (!tls && !insecure && !isLoopbackTarget(charge)) {
    throw new Error(
      `refusing to send card numbers in clear text to the charge terminal at ${charge}: pass --charge-tls-ca PATH ` +
        '(the authority of its certificate, made by `cardgate admin tls init`), or --insecure.',
    );
  }
  return tls;
}

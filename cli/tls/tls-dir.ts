/**
 * `cardgate admin tls init|client` (SPEC §8): a directory holding an authority (ca.crt, ca.key), the
 * server's certificate (server.crt, server.key) and client certificates (NAME.crt, NAME.key).
 * Files that exist are kept, so running init again never replaces a certificate terminals trust;
 * private keys are created readable by their owner only.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Authority } from './x509.js';

/** The X.509 library is loaded when certificates are made or read, not with every `cardgate` command. */
const x509 = () => import('./x509.js');

/** Names every server certificate carries, so loopback clients connect whatever they call the host. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'] as const;

export interface TlsDirReport {
  /** Files written now. */
  readonly written: string[];
  /** Files that existed and were kept. */
  readonly kept: string[];
  /** Names asked for that a kept server.crt does not carry. */
  readonly missingNames: string[];
}

const files = (dir: string, name: string) => ({ cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) });

/** Writes a certificate and its key; the key is created 0600 and never overwritten. */
function writePair(paths: { cert: string; key: string }, pem: { cert: string; key: string }): void {
  writeFileSync(paths.key, pem.key, { mode: 0o600, flag: 'wx' });
  chmodSync(paths.key, 0o600); // whatever the umask
  writeFileSync(paths.cert, pem.cert, { mode: 0o644, flag: 'wx' });
}

async function authorityIn(dir: string, report: TlsDirReport): Promise<Authority> {
  const ca = files(dir, 'ca');
  if (existsSync(ca.cert) !== existsSync(ca.key)) {
    throw new Error(
      `${dir} holds only one of ca.crt and ca.key: restore the other, or remove both to make a new authority (every certificate it signed must then be made again)`,
    );
  }
  if (existsSync(ca.cert)) {
    report.kept.push(ca.cert, ca.key);
    return (await x509()).loadAuthority(readFileSync(ca.cert, 'utf8'), readFileSync(ca.key, 'utf8'));
  }
  const { pem, authority } = await (await x509()).createAuthority('Cardgate CA');
  writePair(ca, pem);
  report.written.push(ca.cert, ca.key);
  return authority;
}

/** The authority and the server certificate (names: localhost, 127.0.0.1, ::1 and each host), keeping what exists. */
export async function initTlsDir(dir: string, hosts: readonly string[] = []): Promise<TlsDirReport> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const report: TlsDirReport = { written: [], kept: [], missingNames: [] };
  const authority = await authorityIn(dir, report);
  const names = [...new Set([...LOOPBACK_NAMES, ...hosts.map((host) => host.trim()).filter(Boolean)])];
  const server = files(dir, 'server');
  if (existsSync(server.cert) || existsSync(server.key)) {
    if (!existsSync(server.cert) || !existsSync(server.key))
      throw new Error(`${dir} holds only one of server.crt and server.key: remove it to make a new pair`);
    const carried = new Set((await x509()).namesOf(readFileSync(server.cert, 'utf8')));
    report.missingNames.push(...names.filter((name) => !carried.has(name)));
    report.kept.push(server.cert, server.key);
    return report;
  }
  writePair(server, await (await x509()).issue(authority, 'server', hosts[0] ?? 'localhost', names));
  report.written.push(server.cert, server.key);
  return report;
}

/** A client certificate NAME.crt / NAME.key signed by the directory's authority (mutual TLS). */
export async function issueClientCertificate(dir: string, name: string): Promise<TlsDirReport> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name) || ['ca', 'server'].includes(name)) {
    throw new Error(
      `--name ${JSON.stringify(name)}: use letters, digits, ".", "_" or "-" (not "ca" or "server"), e.g. kiosk-1`,
    );
  }
  const ca = files(dir, 'ca');
  if (!existsSync(ca.cert) || !existsSync(ca.key))
    throw new Error(`no authority in ${dir}: run \`cardgate admin tls init --dir ${dir}\` first`);
  const client = files(dir, name);
  if (existsSync(client.cert) || existsSync(client.key))
    return { written: [], kept: [client.cert, client.key].filter(existsSync), missingNames: [] };
  const { loadAuthority, issue } = await x509();
  const authority = await loadAuthority(readFileSync(ca.cert, 'utf8'), readFileSync(ca.key, 'utf8'));
  writePair(client, await issue(authority, 'client', name));
  return { written: [client.cert, client.key], kept: [], missingNames: [] };
}

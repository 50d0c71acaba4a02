/** Certificates for TLS tests, made once per test file with `admin tls init|client`'s own code. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { initTlsDir, issueClientCertificate } from '../../cli/tls/tls-dir.js';

export interface TlsFixture {
  readonly dir: string;
  /** A file of the directory, e.g. path('ca.crt'). */
  path(file: string): string;
  /** A file's contents. */
  pem(file: string): Buffer;
  /** The server's TLS: certificate and key, and with `mutual` the authority clients must chain to. */
  server(mutual?: boolean): { cert: Buffer; key: Buffer; clientCa?: Buffer };
  /** A client's TLS: the authority, and with `name` that client's certificate. */
  client(name?: string): { ca: Buffer; cert?: Buffer; key?: Buffer };
}

/** A directory with an authority, a server certificate and client certificates for each of `clients`. */
export async function makeTls(
  t: ExecutionContext,
  clients: readonly string[] = [],
  hosts: readonly string[] = [],
): Promise<TlsFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-tls-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await initTlsDir(dir, hosts);
  for (const name of clients) await issueClientCertificate(dir, name);
  const path = (file: string) => join(dir, file);
  const pem = (file: string) => readFileSync(path(file));
  return {
    dir,
    path,
    pem,
    server: (mutual = false) => ({
      cert: pem('server.crt'),
      key: pem('server.key'),
      clientCa: mutual ? pem('ca.crt') : undefined,
    }),
    client: (name) => ({ ca: pem('ca.crt'), ...(name ? { cert: pem(`${name}.crt`), key: pem(`${name}.key`) } : {}) }),
  };
}

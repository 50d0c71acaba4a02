/** `cardgate admin tls init|client` (SPEC §8): what it writes, and that it keeps what exists. */
import test from 'ava';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTlsDir, issueClientCertificate } from '../../cli/tls/tls-dir.js';

function tempDir(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-certs-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'tls');
}

const certificate = (dir: string, name: string) => new X509Certificate(readFileSync(join(dir, `${name}.crt`)));

test('tls init writes an authority and a server certificate naming loopback and each host', async (t) => {
  const dir = tempDir(t);
  await initTlsDir(dir, ['center.venue', '10.0.0.11']);
  const ca = certificate(dir, 'ca');
  const server = certificate(dir, 'server');
  t.true(ca.ca);
  t.false(server.ca);
  t.true(server.checkIssued(ca) && server.verify(ca.publicKey));
  for (const name of [
    'DNS:localhost',
    'IP Address:127.0.0.1',
    'IP Address:0:0:0:0:0:0:0:1',
    'DNS:center.venue',
    'IP Address:10.0.0.11',
  ])
    t.true(server.subjectAltName!.includes(name), name);
  t.truthy(server.checkHost('center.venue'));
  t.truthy(server.checkIP('10.0.0.11'));
  t.deepEqual(server.keyUsage, ['1.3.6.1.5.5.7.3.1']);
});

test('private keys are readable by their owner only', async (t) => {
  const dir = tempDir(t);
  await initTlsDir(dir);
  await issueClientCertificate(dir, 'kiosk-1');
  for (const key of ['ca.key', 'server.key', 'kiosk-1.key']) t.is(statSync(join(dir, key)).mode & 0o777, 0o600, key);
  t.is(statSync(join(dir, 'server.crt')).mode & 0o077, 0o044);
});

test('tls init again keeps every file, and says which asked-for names the kept certificate lacks', async (t) => {
  const dir = tempDir(t);
  await initTlsDir(dir);
  const before = ['ca.crt', 'ca.key', 'server.crt', 'server.key'].map((file) => readFileSync(join(dir, file), 'utf8'));
  const again = await initTlsDir(dir, ['gate.venue']);
  t.deepEqual(again.written, []);
  t.deepEqual(again.missingNames, ['gate.venue']);
  t.deepEqual(
    ['ca.crt', 'ca.key', 'server.crt', 'server.key'].map((file) => readFileSync(join(dir, file), 'utf8')),
    before,
  );
});

test('tls client signs a client certificate with the directory’s authority', async (t) => {
  const dir = tempDir(t);
  await initTlsDir(dir);
  await issueClientCertificate(dir, 'gate-1');
  const client = certificate(dir, 'gate-1');
  t.true(client.checkIssued(certificate(dir, 'ca')) && client.verify(certificate(dir, 'ca').publicKey));
  t.regex(client.subject, /CN=gate-1/);
  t.deepEqual(client.keyUsage, ['1.3.6.1.5.5.7.3.2']);
  await t.throwsAsync(issueClientCertificate(dir, '../escape'), { message: /--name/ });
  await t.throwsAsync(issueClientCertificate(dir, 'server'), { message: /--name/ });
  await t.throwsAsync(issueClientCertificate(join(dir, 'none'), 'kiosk-1'), { message: /cardgate admin tls init/ });
});

/** The README's main command boots and serves the catalog (a smoke test of `npm start`). */
import test from 'ava';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CenterClient } from '../../terminal/center-client.js';

test('npm start boots the demo and answers ListProducts with the seeded catalog over TLS', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'cardgate-demo-'));
  const child = spawn(
    'npm',
    ['start', '--', '--data', data, '--listen', '127.0.0.1:0', '--charge-listen', '127.0.0.1:0'],
    {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  t.teardown(() => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(data, { recursive: true, force: true });
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), 40_000);
    child.stdout!.on('data', () => {
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const kioskToken = /kiosk\s+(cg_kiosk_\S+)/.exec(output)?.[1];
  t.truthy(kioskToken, output);
  // Certificates made on first start under DATA/tls, the keys readable by their owner only.
  const ca = join(data, 'tls', 'ca.crt');
  for (const key of ['ca.key', 'server.key']) t.is(statSync(join(data, 'tls', key)).mode & 0o777, 0o600, key);
  t.true(existsSync(join(data, 'charge.sqlite')), "the charge terminal's ledger is a file under DATA");
  const kiosk = new CenterClient(address, kioskToken!, { tls: { ca: readFileSync(ca) } });
  t.teardown(() => kiosk.close());
  const products = await kiosk.listProducts();
  t.true(products.length >= 3);
  t.true(products.some((product) => product.name === 'Jazz Night'));

  const plain = new CenterClient(address, kioskToken!, { timeoutMs: 3_000 });
  t.teardown(() => plain.close());
  await t.throwsAsync(plain.listProducts(), { message: /UNAVAILABLE/ });

  // The README's and the banner's API example: buf curl trusting the demo's authority.
  t.true(output.includes(`--cacert ${ca}`), output);
  const buf = join(import.meta.dirname, '../../node_modules/.bin/buf');
  const methods = execFileSync(
    buf,
    ['curl', '--protocol', 'grpc', '--cacert', ca, '--list-methods', `https://${address}`],
    { encoding: 'utf8', timeout: 20_000 },
  );
  t.true(methods.includes('cardgate.v1.CatalogService/ListProducts'), methods);
});

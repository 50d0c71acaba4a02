/**
 * `npm start`: the charge-transfer terminal and the sales center in one
 * process on 127.0.0.1, SQLite under ./data (the center's database and the
 * charge terminal's ledger, one file each), the demo catalog when the
 * database is empty, and fresh demo tokens printed with ways to try the API.
 * On an interactive terminal a launcher then opens the terminal UIs (see
 * ../launcher/entries.ts) on the virtual card ./data/demo.card; without one
 * (CI, a pipe) the servers just run until Ctrl+C.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { rotateTerminalToken } from '../../center/auth/tokens.js';
import { seedDemoCatalog } from '../../center/admin/seed.js';
import { centerConfig } from '../../center/config.js';
import type { DemoContext } from '../launcher/launcher-entry.js';
import { createLogger, stopOnSignal } from '../options.js';
import { serverTls } from '../tls/transport-flags.js';

interface DemoOptions {
  data: string;
  listen: string;
  chargeListen: string;
  launcher: boolean;
}

/** Ink draws nothing under CI (STACK.md), and a launcher needs a keyboard. */
function interactive(): boolean {
  const ci = process.env.CI;
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && (!ci || ci === 'false' || ci === '0');
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('the npm start demo: charge terminal + sales center with a seeded catalog')
    .option('--data <dir>', 'where the database and logs live', './data')
    .option('--listen <host:port>', 'sales center address', '127.0.0.1:50051')
    .option('--charge-listen <host:port>', 'charge-transfer terminal address', '127.0.0.1:50052')
    .option('--no-launcher', 'only run the servers, even on an interactive terminal')
    .action(async (options: DemoOptions) => {
      // TLS even on loopback, with certificates made on the first start and kept: the demo runs as a venue should.
      const tlsDir = join(options.data, 'tls');
      // The servers and the certificate tools are loaded when the demo starts, not when any command does.
      const [{ initTlsDir }, { createChargeServer }, { createCenter }] = await Promise.all([
        import('../tls/tls-dir.js'),
        import('../../charge/server.js'),
        import('../../center/server.js'),
      ]);
      await initTlsDir(tlsDir);
      const tlsFile = (name: string) => join(tlsDir, name);
      const tls = serverTls({ tlsCert: tlsFile('server.crt'), tlsKey: tlsFile('server.key') }, options.listen)!;
      const clientTls = { ca: readFileSync(tlsFile('ca.crt')) };
      const logger = createLogger(join(options.data, 'demo.log'));
      const ledgerPath = join(options.data, 'charge.sqlite');
      const charge = createChargeServer({ logger, tls, ledgerPath });
      const chargePort = await charge.listen(options.chargeListen);
      const dbPath = join(options.data, 'center.sqlite');
      const center = await createCenter(
        centerConfig({
          listen: options.listen,
          tls,
          database: { kind: 'sqlite', path: dbPath },
          charge: `127.0.0.1:${chargePort}`,
          chargeTls: clientTls,
          logger,
        }),
      );
      const em = center.orm.em.fork();
      const seeded = await seedDemoCatalog(em);
      const tokens = {
        kiosk: await rotateTerminalToken(em, 'demo-kiosk', 'kiosk'),
        gate: await rotateTerminalToken(em, 'demo-gate', 'gate'),
        admin: await rotateTerminalToken(em, 'demo-admin', 'admin'),
      };
      const port = await center.listen();
      const address = options.listen.replace(/:\d+$/, `:${port}`);
      const curl = `npx buf curl --protocol grpc --cacert ${tlsFile('ca.crt')}`;
      console.log(`Cardgate demo
  sales center      ${address}   (TLS, authority ${tlsFile('ca.crt')}; SQLite ${dbPath}${seeded.length ? `, seeded ${seeded.length} products` : ''})
  charge terminal   127.0.0.1:${chargePort}   (ledger ${ledgerPath})
  logs              ${join(options.data, 'demo.log')}

Terminal tokens (new on every start):
  kiosk  ${tokens.kiosk}
  gate   ${tokens.gate}
  admin  ${tokens.admin}

Try the API:
  ${curl} --list-methods https://${address}
  ${curl} -H "authorization: Bearer ${tokens.kiosk}" https://${address}/cardgate.v1.CatalogService/ListProducts

${options.launcher && interactive() ? 'Opening the launcher…' : 'Press Ctrl+C to stop.'}
sales center listening on ${address}`);
      const stop = async () => {
        await center.stop();
        await charge.stop();
      };
      if (!options.launcher || !interactive()) return stopOnSignal(stop);
      const context: DemoContext = {
        centerAddress: address,
        chargeAddress: `127.0.0.1:${chargePort}`,
        tokens,
        dbPath,
        tls: clientTls,
        cardSpec: `file:${join(options.data, 'demo.card')}`,
        logPath: join(options.data, 'demo.log'),
      };
      // Loaded only now: the UIs (Ink, React) are no business of a demo run without a terminal, nor of other commands.
      const [{ runLauncher }, { LAUNCHER_ENTRIES }] = await Promise.all([
        import('../launcher/run-launcher.js'),
        import('../launcher/entries.js'),
      ]);
      await runLauncher(context, LAUNCHER_ENTRIES);
      await stop();
      process.exit(0);
    });
}

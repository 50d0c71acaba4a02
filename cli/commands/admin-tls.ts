/** `cardgate admin tls init|client` (SPEC §8): the certificates TLS and mutual TLS need, made in one directory. */
import type { Command } from 'commander';
import { initTlsDir, issueClientCertificate, LOOPBACK_NAMES, type TlsDirReport } from '../tls/tls-dir.js';

function print(report: TlsDirReport): void {
  for (const file of report.written)
    console.log(`wrote ${file}${file.endsWith('.key') ? ' (private key, owner only)' : ''}`);
  for (const file of report.kept) console.log(`kept  ${file} (it exists)`);
}

export function registerTlsCommands(admin: Command): void {
  const tls = admin
    .command('tls')
    .description('certificates for TLS: an authority, the server certificate, client certificates (mutual TLS)');
  tls
    .command('init')
    .description(
      `write DIR/ca.crt, ca.key, server.crt, server.key (names: ${LOOPBACK_NAMES.join(', ')} and each --host); existing files are kept`,
    )
    .requiredOption('--dir <dir>', 'where the files go, e.g. ./data/tls')
    .option('--host <name...>', 'a DNS name or IP address clients use to reach the server (repeatable)', [])
    .action(async (options: { dir: string; host: string[] }) => {
      const report = await initTlsDir(options.dir, options.host);
      print(report);
      if (report.missingNames.length > 0) {
        console.log(
          `note: the kept server.crt does not name ${report.missingNames.join(', ')}; remove server.crt and server.key and run this again to make one that does`,
        );
      }
    });
  tls
    .command('client')
    .description('write DIR/NAME.crt and DIR/NAME.key: a client certificate signed by DIR/ca.key, for mutual TLS')
    .requiredOption('--dir <dir>', 'the directory of `admin tls init`')
    .requiredOption('--name <name>', 'the client, e.g. kiosk-1 or center (its certificate’s common name)')
    .action(async (options: { dir: string; name: string }) =>
      print(await issueClientCertificate(options.dir, options.name)),
    );
}

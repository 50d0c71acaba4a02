/**
 * The `cardgate` command line: parses flags and hands them to the command
 * modules under commands/, which wire the parts together. This is the
 * composition root: the only place where center, charge, kiosk and gate meet.
 */
import { createProgram } from './program.js';

// grpc-js sets the TLS server name to the address it connects to, and Node warns (DEP0123) when that
// is an IP address (grpc/grpc-node#1919). The certificate is still checked against that address;
// the warning would only print one stray line across a kiosk's or gate's screen. Others still print.
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code !== 'DEP0123') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

// `cardgate admin orders | head`: the reader went away; stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  // Commands throw errors whose message is meant for the person at the terminal.
  process.stderr.write(`cardgate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

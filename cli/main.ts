/**
 * The `cardgate` command line: parses flags and hands them to the command
 * modules under commands/, which wire the parts together. This is the
 * composition root: the only place where center, charge, kiosk and gate meet.
 */
import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.js';
import { registerCardCommands } from './commands/card.js';
import { registerCenterCommand } from './commands/center.js';
import { registerChargeCommand } from './commands/charge.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGateCommand } from './commands/gate.js';
import { registerKioskCommand } from './commands/kiosk.js';

const program = new Command('cardgate')
  .description('Cardgate: IC-card ticket sales, kiosk and gate')
  .showHelpAfterError();

registerCenterCommand(program);
registerChargeCommand(program);
registerAdminCommands(program);
registerCardCommands(program);
registerKioskCommand(program);
registerGateCommand(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commands throw errors whose message is meant for the person at the terminal.
  process.stderr.write(`cardgate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

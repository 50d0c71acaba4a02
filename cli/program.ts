/** The `cardgate` program with every command registered: main.ts runs it, tests read its help. */
import { Command } from 'commander';
import { cardgateVersion } from './version.js';
import { registerAdminCommands } from './commands/admin.js';
import { registerCardCommands } from './commands/card.js';
import { registerCenterCommand } from './commands/center.js';
import { registerChargeCommand } from './commands/charge.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGateCommand } from './commands/gate.js';
import { registerKioskCommand } from './commands/kiosk.js';
import { registerMonitorCommand } from './commands/monitor.js';

export function createProgram(): Command {
  const program = new Command('cardgate')
    .description('Cardgate: IC-card ticket sales, kiosk and gate')
    .version(cardgateVersion(), '-V, --version', 'print the version of cardgate')
    .helpOption('-h, --help', 'show what a command does and its options')
    .showHelpAfterError();
  registerCenterCommand(program);
  registerChargeCommand(program);
  registerAdminCommands(program);
  registerCardCommands(program);
  registerKioskCommand(program);
  registerGateCommand(program);
  registerDemoCommand(program);
  registerMonitorCommand(program);
  return program;
}

import type { Command } from 'commander';

// Placeholder registration so cli/main.ts can list the command; the kiosk issue replaces this file.
export function registerKioskCommand(program: Command): void {
  program
    .command('kiosk')
    .description('the kiosk terminal UI (being built)')
    .action(() => {
      throw new Error('the kiosk UI is not built yet');
    });
}

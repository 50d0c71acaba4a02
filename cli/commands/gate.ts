import type { Command } from 'commander';

// Placeholder registration so cli/main.ts can list the command; the gate issue replaces this file.
export function registerGateCommand(program: Command): void {
  program
    .command('gate')
    .description('the gate terminal UI (being built)')
    .action(() => {
      throw new Error('the gate UI is not built yet');
    });
}

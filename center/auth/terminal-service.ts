/** TerminalService: the signing key and the caller's own identity, for every role. */
import type { TerminalServiceServer } from '../../gen/cardgate/v1/terminal.js';
import { TerminalRole } from '../../gen/cardgate/v1/terminal.js';
import { unary, type HandlerContext } from '../grpc/unary.js';
import type { SigningKey } from '../signing/signing-key.js';

const ROLE: Record<string, TerminalRole> = {
  kiosk: TerminalRole.TERMINAL_ROLE_KIOSK,
  gate: TerminalRole.TERMINAL_ROLE_GATE,
  admin: TerminalRole.TERMINAL_ROLE_ADMIN,
};
const EVERY_ROLE = ['kiosk', 'gate', 'admin'] as const;

export function terminalService(context: HandlerContext, key: SigningKey): TerminalServiceServer {
  return {
    getSigningKey: unary(context, 'GetSigningKey', EVERY_ROLE, async () => ({
      publicKey: key.publicKeyRaw,
      publicKeyPem: key.publicKeyPem,
    })),
    whoAmI: unary(context, 'WhoAmI', EVERY_ROLE, async (_request, caller) => ({
      terminalName: caller.name,
      role: ROLE[caller.role]!,
    })),
  };
}

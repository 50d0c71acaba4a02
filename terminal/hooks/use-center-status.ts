import { status as grpcStatus, type ServiceError } from '@grpc/grpc-js';
import { useCallback, useEffect, useState } from 'react';
import { TerminalRole } from '../../gen/cardgate/v1/terminal.js';
import type { CenterClient } from '../center-client.js';
import { describeCenterOutage, describeRefusedToken, type TerminalKind } from '../center-errors.js';

/** `refused`: the center answers but will not serve this token (revoked, unknown, or another role's): retrying cannot help. */
export type CenterState = 'connecting' | 'online' | 'offline' | 'refused';

export interface CenterStatus {
  readonly state: CenterState;
  /** The terminal's name as the center knows it (from WhoAmI). */
  readonly terminalName?: string;
  /** Why the last check failed, in words for the person at the terminal. */
  readonly problem?: string;
  /** Checks again now. */
  readonly retry: () => void;
}

export interface CenterStatusOptions {
  /** How often to ask (default 5000 ms). */
  readonly intervalMs?: number;
  /** The role this terminal needs: another role's token (an admin token excepted) is refused at once. */
  readonly role?: TerminalKind;
}

const ROLE: Record<TerminalKind, TerminalRole> = {
  kiosk: TerminalRole.TERMINAL_ROLE_KIOSK,
  gate: TerminalRole.TERMINAL_ROLE_GATE,
};

/**
 * Asks the center who we are every `intervalMs`, so screens can say plainly when it is unreachable, and,
 * from the first answer, when this terminal's token will never do (revoked, or a gate token at a kiosk):
 * then it stops asking, because no retry can help.
 */
export function useCenterStatus(center: CenterClient, options: CenterStatusOptions = {}): CenterStatus {
  const { intervalMs = 5_000, role } = options;
  const [status, setStatus] = useState<Omit<CenterStatus, 'retry'>>({ state: 'connecting' });
  const [tick, setTick] = useState(0);
  const retry = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    const stop = () => {
      cancelled = true;
      clearInterval(timer);
    };
    const check = () =>
      center.whoAmI().then(
        (me) => {
          if (cancelled) return;
          const allowed = !role || me.role === ROLE[role] || me.role === TerminalRole.TERMINAL_ROLE_ADMIN;
          if (allowed) return setStatus({ state: 'online', terminalName: me.terminalName });
          stop();
          setStatus({ state: 'refused', terminalName: me.terminalName, problem: describeRefusedToken(role!, me.role) });
        },
        (error: unknown) => {
          if (cancelled) return;
          if ((error as Partial<ServiceError>).code !== grpcStatus.UNAUTHENTICATED)
            return setStatus({ state: 'offline', problem: describeCenterOutage(error, center.address) });
          stop();
          setStatus({ state: 'refused', problem: describeRefusedToken(role) });
        },
      );
    const timer = setInterval(check, intervalMs);
    void check();
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [center, intervalMs, role, tick]);

  return { ...status, retry };
}

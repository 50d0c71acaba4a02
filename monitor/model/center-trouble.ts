/**
 * What a failed call or a dropped stream means to the operator: the center is unreachable (retry by
 * itself), the token will never do (stop asking), or the center dropped the admission stream
 * because the monitor fell behind (reconnect). Words for the screen, never a status line.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { TerminalRole } from '../../gen/cardgate/v1/terminal.js';

export type Trouble =
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'refused'; readonly words: string }
  | { readonly kind: 'dropped'; readonly words: string }
  | { readonly kind: 'failed'; readonly words: string };

const CREATE = 'cardgate admin token create --role admin';

/**
 * Why this token cannot watch the center, and what to do: the monitor needs an admin token. `role`: the
 * token's role when the center named it, 'other' when it only said the token may not (PERMISSION_DENIED),
 * absent when it does not know the token at all.
 */
export function refusedTokenWords(role?: TerminalRole | 'other'): string {
  const what =
    role === undefined
      ? 'the sales center does not accept this token (revoked or unknown)'
      : role === 'other'
        ? 'this is not an admin token'
        : `this is a ${TerminalRole[role].replace('TERMINAL_ROLE_', '').toLowerCase()} token, not an admin token`;
  return `${what}: start the monitor with an admin token (${CREATE})`;
}

export function troubleOf(error: unknown): Trouble {
  const { code, details } = (error ?? {}) as Partial<ServiceError>;
  switch (code) {
    case undefined:
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
    case status.CANCELLED:
      return { kind: 'unreachable' };
    case status.UNAUTHENTICATED:
      return { kind: 'refused', words: refusedTokenWords() };
    case status.PERMISSION_DENIED:
      return { kind: 'refused', words: refusedTokenWords('other') };
    case status.RESOURCE_EXHAUSTED:
      // A reader that fell behind, or the center's stream quota: its sentence says which.
      return { kind: 'dropped', words: `the center ended the admission stream: ${details || 'too busy'}` };
    default:
      return { kind: 'failed', words: `the center failed to answer: ${details || 'no details'}` };
  }
}

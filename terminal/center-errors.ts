/**
 * The one place that turns a failed call to the center into words for the
 * person at the terminal, and tells "the network failed, the same call may
 * be retried" apart from "the center said no". Never a stack trace or a raw
 * status line. A buyer and a gate attendant are told different things (the
 * buyer is sent to staff; the attendant is staff and is told what to fix),
 * so each kind of failure has both sentences side by side.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { TerminalRole } from '../gen/cardgate/v1/terminal.js';

/** Who reads the sentence: a buyer at the kiosk, or the attendant at a gate. */
export type Reader = 'buyer' | 'attendant';

type Failure = 'unreachable' | 'token' | 'role' | 'not-found' | 'refused' | 'other';

const codeOf = (error: unknown): number | undefined => (error as Partial<ServiceError> | undefined)?.code;
const detailsOf = (error: unknown): string =>
  (error as Partial<ServiceError>).details ?? (error as Error).message ?? String(error);

function failureOf(error: unknown): Failure {
  switch (codeOf(error)) {
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
    case status.CANCELLED:
      return 'unreachable';
    case status.UNAUTHENTICATED:
      return 'token';
    case status.PERMISSION_DENIED:
      return 'role';
    case status.NOT_FOUND:
      return 'not-found';
    case status.INVALID_ARGUMENT:
    case status.FAILED_PRECONDITION:
      return 'refused';
    default:
      return 'other';
  }
}

const WORDS: Record<Reader, Record<Failure, (where: string, error: unknown) => string>> = {
  buyer: {
    unreachable: (where) => `The sales center${where} is not answering right now.`,
    token: () => 'The sales center does not accept this terminal’s token. Ask staff for help.',
    role: () => 'This terminal is not allowed to do that. Ask staff for help.',
    'not-found': () => 'The sales center does not know it.',
    refused: (_, error) => `The sales center refused the request: ${detailsOf(error)}.`,
    other: () => 'Something went wrong while talking to the sales center.',
  },
  attendant: {
    unreachable: (where) => `The sales center${where} did not answer.`,
    token: () => 'The sales center does not accept this gate’s token.',
    role: () => 'This token is not a gate token: ask for a gate token (cardgate admin token create --role gate).',
    'not-found': (_, error) => `The sales center failed to answer: ${detailsOf(error)}.`,
    refused: (_, error) => `The sales center could not read this ticket: ${detailsOf(error)}.`,
    other: (_, error) => `The sales center failed to answer: ${detailsOf(error)}.`,
  },
};

/**
 * True when the call may not have reached the center or its answer was lost:
 * the outcome is unknown and the very same request may be sent again.
 */
export function isRetryableError(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === status.UNAVAILABLE ||
    code === status.DEADLINE_EXCEEDED ||
    code === status.CANCELLED ||
    code === status.UNKNOWN ||
    code === status.INTERNAL
  );
}

/** One sentence saying what went wrong, for a buyer (the default) or a gate attendant. */
export function describeCenterError(error: unknown, address?: string, reader: Reader = 'buyer'): string {
  return WORDS[reader][failureOf(error)](address ? ` at ${address}` : '', error);
}

/** The two terminal UIs, by the role their token needs. */
export type TerminalKind = 'kiosk' | 'gate';

/**
 * Why this terminal's token will never do, and what staff do about it: the center does not know it
 * (revoked, or mistyped), or it belongs to another role (`found`). Said once at start-up, never retried.
 */
export function describeRefusedToken(needed?: TerminalKind, found?: TerminalRole): string {
  const create = needed ? `cardgate admin token create --role ${needed}` : 'cardgate admin token create';
  const what =
    found === undefined
      ? 'the sales center does not accept this terminal’s token (revoked or unknown)'
      : `this is a ${TerminalRole[found].replace('TERMINAL_ROLE_', '').toLowerCase()} token, not a ${needed} token`;
  return `${what}: staff must start it again with a valid ${needed ?? 'terminal'} token (${create})`;
}

/** Why the center counts as unreachable, as the few words the center banner puts before "— retrying". */
export function describeCenterOutage(error: unknown, address: string): string {
  return codeOf(error) === status.UNAUTHENTICATED
    ? 'this terminal’s token is not accepted'
    : `cannot reach the sales center at ${address}`;
}

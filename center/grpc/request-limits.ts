/**
 * Bounded, clean input, checked before anything else: every request is
 * decoded and then held against its service's field limits while grpc-js
 * deserializes it, so a handler never sees a request that is too long, holds
 * control characters, or could not be decoded at all. What fails is not
 * thrown (grpc-js would answer INTERNAL) but handed on as a refusal that the
 * unary wrapper (unary-handler.ts) and the streaming handlers answer with
 * INVALID_ARGUMENT, naming the field and never echoing its value.
 * Imports nothing of the center, so charge/ uses it too.
 */
import type { ServiceDefinition } from '@grpc/grpc-js';
import { textProblem } from '../../card/text.js';
import { timestampCheck } from './timestamp-bounds.js';

/** What one string field may hold. */
export type FieldRule =
  /** Human text: names, venues, notes. */
  | { readonly kind: 'text'; readonly max: number }
  /** Identifiers and keys: visible ASCII, no spaces. */
  | { readonly kind: 'token'; readonly max: number }
  /** A fixed format; `says` completes "must be …". */
  | { readonly kind: 'pattern'; readonly pattern: RegExp; readonly says: string };

export interface RequestLimits {
  /** Rules by field name (as ts-proto names it, camelCase): a name means the same in every message. */
  readonly strings: Readonly<Record<string, FieldRule>>;
  /** The most entries a repeated field may have, by field name. */
  readonly lists: Readonly<Record<string, number>>;
  /** Fields holding what was read from a card: the center judges them (a forged card is refused as such), so they are not refused here. */
  readonly cardData: ReadonlySet<string>;
}

/** A string field no rule names: text of at most this many characters. */
const DEFAULT_TEXT: FieldRule = { kind: 'text', max: 200 };
/** A repeated field no limit names. */
const DEFAULT_LIST = 100;
const TOKEN = /^[\x21-\x7e]*$/;

const REFUSAL = Symbol('refused request');
interface Refused {
  readonly [REFUSAL]: string;
}

/** The refusal a request was decoded into, or undefined for a request within its limits. */
export function refusalOf(request: unknown): string | undefined {
  return typeof request === 'object' && request !== null && REFUSAL in request
    ? (request as Refused)[REFUSAL]
    : undefined;
}

/** `service` with each method's request checked against `limits` as it is decoded. */
export function withRequestLimits<S extends ServiceDefinition>(service: S, limits: RequestLimits): S {
  const methods = Object.entries(service).map(([name, method]) => {
    const rpc = method.path.slice(method.path.lastIndexOf('/') + 1);
    const timestamps = timestampCheck(method.path, limits.cardData);
    const requestDeserialize = (bytes: Buffer): unknown => {
      let request: unknown;
      let problem: string | undefined;
      try {
        request = method.requestDeserialize(bytes);
        problem = problemIn(request, limits) ?? timestamps?.(bytes);
      } catch {
        return refused(`the request is not a valid ${rpc} request (protobuf): it could not be decoded`);
      }
      return problem === undefined ? request : refused(problem);
    };
    return [name, { ...method, requestDeserialize }];
  });
  return Object.fromEntries(methods) as S;
}

const refused = (message: string): Refused => ({ [REFUSAL]: message });

/**
 * The first field of `message` outside its limits, in words that start with
 * its path (`buyer.name holds …`); undefined when every field is within them.
 * The path is only spelled out for a problem: a request within its limits
 * costs a walk over its fields and nothing more.
 */
export function problemIn(message: unknown, limits: RequestLimits): string | undefined {
  if (typeof message !== 'object' || message === null || message instanceof Date || ArrayBuffer.isView(message)) {
    return undefined;
  }
  for (const [name, value] of Object.entries(message)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const max = limits.lists[name] ?? DEFAULT_LIST;
      if (value.length > max) return `${snakeCase(name)} must have at most ${max} entries`;
      if (limits.cardData.has(name)) continue;
      for (const [index, entry] of value.entries()) {
        const problem = valueProblem(name, entry, limits);
        if (problem !== undefined) return `${snakeCase(name)}[${index}]${problem}`;
      }
    } else if (!limits.cardData.has(name)) {
      const problem = valueProblem(name, value, limits);
      if (problem !== undefined) return `${snakeCase(name)}${problem}`;
    }
  }
  return undefined;
}

/** What is wrong with one value of field `name`, to follow its path (` must be …` or `.nested …`). */
function valueProblem(name: string, value: unknown, limits: RequestLimits): string | undefined {
  if (typeof value === 'string') {
    const problem = stringProblem(value, limits.strings[name] ?? DEFAULT_TEXT);
    return problem === undefined ? undefined : ` ${problem}`;
  }
  const nested = problemIn(value, limits);
  return nested === undefined ? undefined : `.${nested}`;
}

function stringProblem(value: string, rule: FieldRule): string | undefined {
  if (value === '') return undefined;
  switch (rule.kind) {
    case 'text':
      if (value.length > rule.max) return `must be at most ${rule.max} characters`;
      return textProblem(value);
    case 'token':
      if (value.length > rule.max) return `must be at most ${rule.max} characters`;
      return TOKEN.test(value) ? undefined : 'may hold only visible ASCII characters, without spaces';
    case 'pattern':
      return rule.pattern.test(value) ? undefined : `must be ${rule.says}`;
  }
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

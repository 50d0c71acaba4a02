/**
 * Request sizes per method. grpc-js bounds the size of a request per server,
 * and TransferCharges needs room for 512 credit instructions, while every
 * other request is one instruction at most: a request over its method's
 * bound is not decoded but handed on as a marker, which the terminal's unary
 * wrapper (grpc-unary.ts) answers RESOURCE_EXHAUSTED, as grpc-js answers one
 * over the server's bound.
 */
import type { ServiceDefinition } from '@grpc/grpc-js';

const OVERSIZED = Symbol('oversized request');
interface Oversized {
  readonly [OVERSIZED]: string;
}

/** `service` with each method's request refused, undecoded, beyond `maxBytes(path)` bytes. */
export function withRequestSizes<S extends ServiceDefinition>(service: S, maxBytes: (path: string) => number): S {
  const methods = Object.entries(service).map(([name, method]) => {
    const max = maxBytes(method.path);
    const requestDeserialize = (bytes: Buffer): unknown =>
      bytes.length > max
        ? ({ [OVERSIZED]: `the request is ${bytes.length} bytes; at most ${max} are read` } satisfies Oversized)
        : method.requestDeserialize(bytes);
    return [name, { ...method, requestDeserialize }];
  });
  return Object.fromEntries(methods) as S;
}

/** Why a request was too large, or undefined for one within its method's bound. */
export function oversizeOf(request: unknown): string | undefined {
  return typeof request === 'object' && request !== null && OVERSIZED in request
    ? (request as Oversized)[OVERSIZED]
    : undefined;
}

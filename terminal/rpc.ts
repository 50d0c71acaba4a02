/**
 * Promise adapters over ts-proto's callback-style grpc-js clients, and the
 * bearer-token interceptor every terminal sends with its calls.
 */
import {
  Metadata,
  type CallOptions,
  type ClientUnaryCall,
  type Interceptor,
  InterceptingCall,
  type ServiceError,
} from '@grpc/grpc-js';

export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/** Calls a unary method with a deadline and resolves with its response or rejects with its ServiceError. */
export function unary<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, timeoutMs: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    method(request, new Metadata(), { deadline: Date.now() + timeoutMs }, (error, response) => {
      if (error) reject(error);
      else resolve(response);
    });
  });
}

/** Adds `authorization: Bearer <token>` to every call (SPEC §3). */
export function bearerInterceptor(token: string): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set('authorization', `Bearer ${token}`);
        next(metadata, listener);
      },
    });
}

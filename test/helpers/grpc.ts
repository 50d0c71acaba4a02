import type { ServiceError } from '@grpc/grpc-js';

/** The gRPC status code of a thrown error (undefined when it is not a gRPC error). */
export function grpcCode(error: unknown): number | undefined {
  return (error as Partial<ServiceError> | undefined)?.code;
}

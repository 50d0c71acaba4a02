/** The descriptors `buf build` wrote to gen/cardgate.binpb during `npm run generate`: the .proto files as written, imports included. */
import { fileURLToPath } from 'node:url';

export const DESCRIPTOR_SET = fileURLToPath(new URL('../../gen/cardgate.binpb', import.meta.url));

/** grpc.health.v1's descriptors, built from grpc-health-check's health.proto by the same step, so reflection can describe the health service too. */
export const HEALTH_DESCRIPTOR_SET = fileURLToPath(new URL('../../gen/health.binpb', import.meta.url));

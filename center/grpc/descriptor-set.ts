/** The descriptors `buf build` wrote to gen/cardgate.binpb during `npm run generate`: the .proto files as written, imports included. */
import { fileURLToPath } from 'node:url';

export const DESCRIPTOR_SET = fileURLToPath(new URL('../../gen/cardgate.binpb', import.meta.url));

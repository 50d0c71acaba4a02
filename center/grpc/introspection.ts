/**
 * gRPC health checking and server reflection (SPEC §3: both need no token),
 * so `buf curl --list-methods` and load balancers work against the center.
 *
 * Reflection serves the descriptors `buf build` wrote to gen/cardgate.binpb
 * (during `npm run generate`): the .proto files exactly as written, with their
 * real names and imports. proto-loader's descriptors merge a package into one
 * synthetic file, which reflection clients such as buf curl cannot resolve.
 */
import { readFileSync } from 'node:fs';
import type { Server } from '@grpc/grpc-js';
import { BinaryReader } from '@bufbuild/protobuf/wire';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { DESCRIPTOR_SET, HEALTH_DESCRIPTOR_SET } from './descriptor-set.js';

export const CENTER_SERVICES = ['CatalogService', 'SalesService', 'GateService', 'AdminService', 'TerminalService'].map(
  (name) => `cardgate.v1.${name}`,
);

/** The FileDescriptorProto bytes of every file in a FileDescriptorSet (field 1, repeated). */
function fileDescriptors(set: Uint8Array): Uint8Array[] {
  const reader = new BinaryReader(set);
  const files: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 1) files.push(reader.bytes());
    else reader.skip(wireType);
  }
  return files;
}

/** The health service, described by reflection too: `buf curl …/grpc.health.v1.Health/Check` needs no --schema. */
const HEALTH_SERVICE = 'grpc.health.v1.Health';

export function addIntrospection(server: Server): HealthImplementation {
  const files = [
    ...fileDescriptors(readFileSync(DESCRIPTOR_SET)),
    ...fileDescriptors(readFileSync(HEALTH_DESCRIPTOR_SET)),
  ];
  const definition = { descriptors: { fileDescriptorProtos: files } };
  new ReflectionService(definition as never, { services: [...CENTER_SERVICES, HEALTH_SERVICE] }).addToServer(server);
  // NOT_SERVING until start-up is complete; the center flips it once calls are accepted.
  const health = new HealthImplementation({
    '': 'NOT_SERVING',
    ...Object.fromEntries(CENTER_SERVICES.map((name) => [name, 'NOT_SERVING'])),
  });
  health.addToServer(server);
  return health;
}

export function setServing(health: HealthImplementation, serving: boolean): void {
  const state = serving ? 'SERVING' : 'NOT_SERVING';
  for (const name of ['', ...CENTER_SERVICES]) health.setStatus(name, state);
}

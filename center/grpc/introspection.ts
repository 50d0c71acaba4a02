/**
 * gRPC health checking and server reflection (SPEC §3: both need no token),
 * so `buf curl --list-methods` and load balancers work against the center.
 */
import { fileURLToPath } from 'node:url';
import type { Server } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';

const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));
const CENTER_PROTOS = ['catalog', 'sales', 'gate', 'admin', 'terminal'].map((name) => `cardgate/v1/${name}.proto`);
export const CENTER_SERVICES = ['CatalogService', 'SalesService', 'GateService', 'AdminService', 'TerminalService'].map((name) => `cardgate.v1.${name}`);

export function addIntrospection(server: Server): HealthImplementation {
  const definition = loadSync(CENTER_PROTOS, { includeDirs: [PROTO_ROOT] });
  new ReflectionService(definition, { services: CENTER_SERVICES }).addToServer(server);
  // NOT_SERVING until start-up is complete; createCenter flips it once calls are accepted.
  const health = new HealthImplementation({ '': 'NOT_SERVING', ...Object.fromEntries(CENTER_SERVICES.map((name) => [name, 'NOT_SERVING'])) });
  health.addToServer(server);
  return health;
}

export function setServing(health: HealthImplementation, serving: boolean): void {
  const state = serving ? 'SERVING' : 'NOT_SERVING';
  for (const name of ['', ...CENTER_SERVICES]) health.setStatus(name, state);
}

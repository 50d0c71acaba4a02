/**
 * The baseline: a bare grpc-js server with one unary method that answers
 * its request bytes unchanged (no protobuf, no auth, no database). Prints
 * `echo listening on HOST:PORT` on stderr.
 */
import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { ECHO_METHOD, identity } from './echo-method.js';

const server = new Server();
server.register(
  ECHO_METHOD,
  (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => callback(null, call.request),
  identity,
  identity,
  'unary',
);
server.bindAsync(process.argv[2] ?? '127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  process.stderr.write(`echo listening on 127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.forceShutdown());

/** Issue 18: the health check is found by reflection, so the README's buf curl command needs no --schema. */
import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startStack } from '../helpers/stack.js';

const curl = (...args: string[]) =>
  promisify(execFile)('npx', ['buf', 'curl', '--protocol', 'grpc', '--http2-prior-knowledge', ...args]);

test('buf curl calls grpc.health.v1.Health/Check through reflection and reads SERVING', async (t) => {
  const stack = await startStack(t);
  const { stdout } = await curl(`http://${stack.address}/grpc.health.v1.Health/Check`);
  t.deepEqual(JSON.parse(stdout), { status: 'SERVING' });
  const listed = await curl('--list-methods', `http://${stack.address}`);
  t.true(listed.stdout.split('\n').includes('grpc.health.v1.Health/Check'));
});

/**
 * Where a terminal finds the sales center: one `host:port`, or several
 * centers on one database as `host:port,host:port,…` (IP addresses), which
 * the channel spreads calls over round-robin and stops using while one is
 * down. A DNS name that resolves to several centers is spread the same way.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { ChannelOptions } from '@grpc/grpc-js';

/** The gRPC target for an address list as the --center flag takes it. */
export function centerTarget(address: string): string {
  const parts = address
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length <= 1 || /^[a-z0-9+.-]+:\/\//i.test(address) || /^(ipv4|ipv6):/.test(address)) return parts.join(',');
  return `${parts.every((part) => part.startsWith('[')) ? 'ipv6' : 'ipv4'}:${parts.join(',')}`;
}

/**
 * Round-robin over every address the target resolves to (grpc-js picks the
 * first one otherwise), and a call that found its center gone (UNAVAILABLE)
 * is tried again, on the next one — but only calls that are safe to repeat:
 * reads, and purchases (they carry their idempotency key). A redemption or a
 * cancellation that reached a center before it went away would answer
 * ALREADY_USED or "already cancelled" the second time, so those are left to
 * the person at the terminal.
 */
export const ROUND_ROBIN: ChannelOptions = {
  'grpc.service_config': JSON.stringify({
    loadBalancingConfig: [{ round_robin: {} }],
    methodConfig: [
      {
        name: [{}],
        retryPolicy: {
          maxAttempts: 3,
          initialBackoff: '0.1s',
          maxBackoff: '1s',
          backoffMultiplier: 2,
          retryableStatusCodes: ['UNAVAILABLE'],
        },
      },
      {
        name: [
          { service: 'cardgate.v1.GateService', method: 'RedeemTicket' },
          { service: 'cardgate.v1.AdminService', method: 'CancelOrder' },
        ],
      },
    ],
  }),
};

/**
 * Whether every address in a --center list is on this machine: 127.0.0.0/8, ::1, `localhost` or a
 * unix socket. Any other name counts as beyond loopback, since it may resolve to anywhere.
 */
export function isLoopbackTarget(address: string): boolean {
  const target = address.trim();
  if (target.startsWith('unix:')) return true;
  const list = target.replace(/^(ipv4|ipv6):/, '').replace(/^dns:(\/\/[^/]*)?\/?/, '');
  const hosts = list
    .split(',')
    .map((part) => hostOf(part.trim()))
    .filter(Boolean);
  return hosts.length > 0 && hosts.every(isLoopbackHost);
}

/** Whether one host (no port) is on this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.replace(/^::ffff:/, '');
  return isIPv4(v4) && v4.startsWith('127.');
}

function hostOf(hostPort: string): string {
  const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(hostPort);
  if (bracketed) return bracketed[1]!;
  if (isIPv6(hostPort)) return hostPort;
  return hostPort.replace(/:\d*$/, '');
}

/**
 * Where a terminal finds the sales center: one `host:port`, or several
 * centers on one database as `host:port,host:port,…` (IP addresses), which
 * the channel spreads calls over round-robin and stops using while one is
 * down. A DNS name that resolves to several centers is spread the same way.
 */
import type { ChannelOptions } from '@grpc/grpc-js';

/** The gRPC target for an address list as the --center flag takes it. */
export function centerTarget(address: string): string {
  const parts = address.split(',').map((part) => part.trim()).filter(Boolean);
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
        retryPolicy: { maxAttempts: 3, initialBackoff: '0.1s', maxBackoff: '1s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] },
      },
      { name: [{ service: 'cardgate.v1.GateService', method: 'RedeemTicket' }, { service: 'cardgate.v1.AdminService', method: 'CancelOrder' }] },
    ],
  }),
};

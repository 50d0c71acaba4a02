/**
 * GateService: thin gRPC handlers over redeemTicket, annulLastMovement, readGateManifest and
 * syncOfflineAdmissions. Every call of a gate terminal marks its gate seen (gate-presence.ts).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { GateServiceServer } from '../../gen/cardgate/v1/gate.js';
import { signatureCheck } from '../../card/admission/judge.js';
import { invalidInput } from '../domain-error.js';
import { unary, type HandlerContext } from '../grpc/unary.js';
import type { SigningKey } from '../signing/signing-key.js';
import { EntryWriter } from './entry-writer.js';
import { ExactAdmit } from './exact-admit.js';
import type { ProductCache } from '../catalog/product-cache.js';
import { TicketReader } from './ticket-record.js';
import type { RefusalLog } from './refusal-log.js';
import { redeemTicket, type GateDeps } from './redeem.js';
import { annulLastMovement } from './annul.js';
import { redemptionMessage } from './redemption-message.js';
import { readGateManifest } from './gate-manifest.js';
import { GatePresenceLog } from './gate-presence.js';
import { directionOf, requireIds, requireTicket, uploadedEntry } from './gate-input.js';
import { syncOfflineAdmissions, type SyncDeps } from './offline-sync.js';
import { reasonName } from '../../card/admission/verdict-response.js';

export function gateService(
  context: HandlerContext,
  orm: MikroORM,
  products: ProductCache,
  key: SigningKey,
  now: () => Date,
  refusals: RefusalLog,
): GateServiceServer {
  const deps: GateDeps = {
    verify: signatureCheck(key.publicKey),
    tickets: new TicketReader(orm),
    products,
    entries: new EntryWriter(orm),
    exact: new ExactAdmit(orm, products),
    timings: context.timings,
  };
  const presence = new GatePresenceLog(orm, context.logger, now);
  const sync: SyncDeps = {
    orm,
    verify: deps.verify,
    products,
    logger: context.logger,
    counted: (outcome, gateId) => context.metrics?.offlineEntry(outcome, gateId),
  };
  return {
    redeemTicket: unary(context, 'RedeemTicket', ['gate'], async (request, caller) => {
      requireIds(request);
      presence.seen(caller, request.gateId);
      const cardTicket = requireTicket(request.ticket, 'ticket');
      const direction = directionOf(request.direction);
      const at = now();
      const response = await redeemTicket(
        deps,
        { gateId: request.gateId, cardId: request.cardId, cardTicket, dryRun: request.dryRun, direction },
        at,
      );
      const reason = response.admitted ? '' : reasonName(response.reason);
      if (!request.dryRun) {
        const result = !response.admitted ? 'rejected' : direction === 'exit' ? 'exited' : 'admitted';
        context.metrics?.redemption(result, reason, request.gateId);
      }
      if (!request.dryRun && !response.admitted) {
        const info = cardTicket.ticket!;
        // The ids are as the card says: a forged card's may be anything, so the log keeps a bounded piece.
        refusals.record({
          gateId: request.gateId,
          cardId: request.cardId,
          ticketId: info.ticketId.slice(0, 64),
          productId: info.productId.slice(0, 64),
          direction,
          reason,
          at,
        });
      }
      context.logger.info(
        {
          gateId: request.gateId,
          ticketId: cardTicket.ticket!.ticketId,
          admitted: response.admitted,
          reason: reason || undefined,
          direction,
          dryRun: request.dryRun,
        },
        'redeem',
      );
      return response;
    }),

    checkTickets: unary(context, 'CheckTickets', ['gate', 'kiosk'], async (request, caller) => {
      if (!request.cardId) throw invalidInput('card_id is required');
      presence.seen(caller, request.gateId);
      const direction = directionOf(request.direction);
      const tickets = request.tickets.map((ticket, index) => requireTicket(ticket, `tickets[${index}]`));
      const at = now();
      // Dry runs in parallel: their reads share one batched query.
      const results = await Promise.all(
        tickets.map((cardTicket) =>
          redeemTicket(
            deps,
            { gateId: request.gateId, cardId: request.cardId, cardTicket, dryRun: true, direction },
            at,
          ),
        ),
      );
      return { results };
    }),

    annulRedemption: unary(context, 'AnnulRedemption', ['gate'], async (request, caller) => {
      if (!request.gateId) throw invalidInput('gate_id is required');
      if (!request.ticketId) throw invalidInput('ticket_id is required');
      presence.seen(caller, request.gateId);
      const undone = await annulLastMovement(orm, request.gateId, request.ticketId, now());
      context.logger.info(
        { gateId: request.gateId, ticketId: request.ticketId, direction: undone.direction },
        'redemption annulled',
      );
      context.metrics?.annulment(request.gateId);
      return { redemption: redemptionMessage(undone) };
    }),

    getGateManifest: unary(context, 'GetGateManifest', ['gate'], async (request, caller) => {
      if (!request.gateId) throw invalidInput('gate_id is required');
      if (request.pendingOffline < 0) throw invalidInput('pending_offline must not be negative');
      presence.seen(caller, request.gateId, request.pendingOffline);
      return readGateManifest(orm, key, now(), request.knownVersion);
    }),

    syncOfflineAdmissions: unary(context, 'SyncOfflineAdmissions', ['gate'], async (request, caller) => {
      if (!request.gateId) throw invalidInput('gate_id is required');
      const entries = request.admissions.map((admission, i) => uploadedEntry(admission, `admissions[${i}]`));
      await presence.claimForSync(caller, request.gateId);
      const response = await syncOfflineAdmissions(sync, request.gateId, entries, now());
      const { recorded, duplicates, conflicts } = response;
      context.logger.info({ gateId: request.gateId, recorded, duplicates, conflicts }, 'off-line journal synced');
      return response;
    }),
  };
}

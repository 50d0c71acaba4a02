/**
 * "u — not through" (SPEC §10): undoes the admission on the verdict screen.
 * On line the center annuls it (AnnulRedemption); an admission the gate made
 * off line is annulled in its journal instead: it no longer counts there and
 * is never uploaded (the center never hears of it); one uploaded meanwhile is
 * annulled at the center like any other.
 */
import type { ServiceError } from '@grpc/grpc-js';
import type { CenterClient } from '../../terminal/center-client.js';
import { describeCenterError } from '../../terminal/center-errors.js';
import { formatTime } from '../../terminal/format.js';
import type { OfflineGate } from '../offline/offline-gate.js';
import type { Phase } from './gate-state.js';

export interface AnnulDeps {
  readonly center: CenterClient;
  readonly gateId: string;
  readonly offline?: OfflineGate;
}

export async function annulWords(
  phase: Extract<Phase, { kind: 'verdict' }>,
  { center, gateId, offline }: AnnulDeps,
): Promise<{ ok: boolean; words: string }> {
  const ticketId = phase.card.tickets[phase.highlighted]?.ticket?.ticketId ?? '';
  const alone = phase.outcome.kind === 'answer' ? phase.outcome.offline : undefined;
  // The entry written on the card goes too, when the card is still there (else this gate ignores it off line).
  const offCard = () => phase.card.source?.dropEntry?.(ticketId, gateId).catch(() => undefined);
  // Not in the journal any more as pending: it was uploaded meanwhile, so the center undoes it.
  if (alone?.entryId && offline && (await offline.annulOffline(alone.entryId))) {
    await offCard();
    return { ok: true, words: 'Undone in this gate’s journal: the entry does not count and will not be uploaded.' };
  }
  try {
    const redemption = await center.annulRedemption({ gateId, ticketId });
    await offCard();
    return { ok: true, words: `Undone at ${formatTime(redemption.annulledAt)}: the entry no longer counts.` };
  } catch (error) {
    const details = (error as Partial<ServiceError>).details;
    return { ok: false, words: details || describeCenterError(error, center.address, 'attendant') };
  }
}

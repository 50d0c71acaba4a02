/**
 * Ticket signatures (SPEC §4): Ed25519 over the protobuf encoding of
 * SignedTicket {ticket, buyer_identification, card_id}, as the generated
 * encoder writes it. Binding the card id means a ticket copied to another
 * card fails, and covering every TicketInfo and buyer field means an edited one fails.
 * The center signs with these functions; gates and kiosks verify with them.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { SignedTicket, type BuyerIdentification, type CardTicket, type TicketInfo } from '../gen/cardgate/v1/ticket.js';

export const SIGNATURE_BYTES = 64;

/** The exact bytes that are signed. */
export function signedTicketBytes(
  ticket: TicketInfo | undefined,
  buyerIdentification: BuyerIdentification | undefined,
  cardId: string,
): Buffer {
  return Buffer.from(SignedTicket.encode({ ticket, buyerIdentification, cardId }).finish());
}

/** The center's signature over one ticket issued to `cardId`: 64 bytes. */
export function signTicket(
  privateKey: KeyObject,
  ticket: TicketInfo,
  buyerIdentification: BuyerIdentification,
  cardId: string,
): Buffer {
  return sign(null, signedTicketBytes(ticket, buyerIdentification, cardId), privateKey);
}

/**
 * True when `cardTicket`'s signature is the center's over its ticket and
 * buyer identification on card `cardId`. Returns false (never throws) for a
 * missing, short or otherwise malformed signature: a card's bytes are untrusted input.
 */
export function verifyCardTicket(publicKey: KeyObject, cardTicket: CardTicket, cardId: string): boolean {
  const signature = cardTicket.signature;
  if (!signature || signature.length !== SIGNATURE_BYTES || !cardTicket.ticket) return false;
  try {
    return verify(
      null,
      signedTicketBytes(cardTicket.ticket, cardTicket.buyerIdentification, cardId),
      publicKey,
      signature,
    );
  } catch {
    return false;
  }
}

/** The center's key from the 32 raw bytes GetSigningKey returns. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError(`an Ed25519 public key is 32 bytes, got ${raw.length}`);
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

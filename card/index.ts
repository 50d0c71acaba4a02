/** The card layer's public API; other parts import from here (or from signature.js alone, like the center). */
export {
  admissionRules,
  refusalByRules,
  type AdmissionRules,
  type ProductAdmission,
} from './admission/admission-rules.js';
export {
  judgeAdmission,
  signatureCheck,
  type EntriesUsed,
  type IssuedRecord,
  type KnownTicket,
  type SignatureCheck,
} from './admission/judge.js';
export { presentTicket, type PresentedTicket } from './admission/presented-ticket.js';
export type { Admission, AdmissionVerdict, Rejection } from './admission/verdict.js';
export type { Card, CardContents, CardEntry, CardReader, CardReaderEvents } from './card.js';
export { CardError, isCardError, type CardErrorCode } from './card-error.js';
export { BufferCardMemory, type CardMemory } from './card-memory.js';
export { cardSummary, ticketSummary, type CardSummary, type TicketSummary } from './card-summary.js';
export { freeBytes, maxImageBytes, orderBytes, ticketsBytes, ticketsThatFit, TYPICAL_BUYER_NAME } from './capacity.js';
export { DEFAULT_FILE_CAPACITY, openFileCard } from './file-card.js';
export { LogStore } from './log-store.js';
export {
  decodeFormat1,
  decodeImage,
  emptyImage,
  encodedImageBytes,
  encodeImage,
  FORMAT_1,
  FORMAT_VERSION,
} from './image-codec.js';
export { MemoryCard } from './memory-card.js';
export { openCardReader, type CardReaderOptions } from './open-card-reader.js';
export { publicKeyFromRaw, SIGNATURE_BYTES, signedTicketBytes, signTicket, verifyCardTicket } from './signature.js';
export { findTicket, mergeTickets, removeTickets } from './tickets.js';

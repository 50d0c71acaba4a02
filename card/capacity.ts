/**
 * How much fits on a card. The unit is encoded CardImage bytes, the same unit
 * the center uses for `card_free_bytes` (a CardImage holding only the new
 * tickets), so the kiosk can pass `freeBytes` on and the center can refuse an
 * order that would not fit before charging.
 */
import type { CardImage } from '../gen/cardgate/v1/ticket.js';
import { encodedImageBytes } from './image-codec.js';
import { slotBytes } from './slot-layout.js';

/** The largest encoded image a card with `capacity` bytes of user memory can hold (one slot). */
export function maxImageBytes(capacity: number): number {
  return slotBytes(capacity);
}

/**
 * How many more encoded bytes fit after `image`: tickets whose CardImage
 * encoding is at most this long can be appended. 0 when the image does not fit at all.
 */
export function freeBytes(image: CardImage, capacity: number): number {
  return Math.max(0, maxImageBytes(capacity) - encodedImageBytes(image));
}

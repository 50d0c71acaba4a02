/** Adds a product to the catalog after checking every field an operator could get wrong. */
import type { EntityManager } from '@mikro-orm/core';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import { ProductEntity, type Product } from '../catalog/product.entity.js';
import { invalidInput } from '../domain-error.js';
import { newId } from '../ids.js';
import { audit, type Actor } from './audit.js';

export const MAX_CAPACITY = 1_000_000;
/** More entries than any event needs; a ticket admitting 2^31−1 times is a typo. */
const MAX_ENTRIES = 100;
/** How far ahead a product may be put on sale. */
const MAX_YEARS_AHEAD = 10;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** With an actor, the creation is audited in the same write. */
export async function createProduct(
  em: EntityManager,
  request: CreateProductRequest,
  now: Date,
  actor?: Actor,
): Promise<Product> {
  const name = request.name.trim();
  if (!name) throw invalidInput('name is required');
  const venue = request.venue.trim();
  if (!venue) throw invalidInput('venue is required');
  const price = request.price;
  if (!price || !CURRENCIES.has(price.currencyCode))
    throw invalidInput('price.currency_code must be an ISO 4217 code such as EUR');
  if (!Number.isInteger(price.amountMinor) || price.amountMinor <= 0 || price.amountMinor > Number.MAX_SAFE_INTEGER)
    throw invalidInput('price.amount_minor must be a positive whole number of minor units');
  if (!Number.isInteger(request.capacity) || request.capacity < 1 || request.capacity > MAX_CAPACITY) {
    throw invalidInput(`capacity must be between 1 and ${MAX_CAPACITY}`);
  }
  if (request.entriesPerTicket < 0 || request.entriesPerTicket > MAX_ENTRIES)
    throw invalidInput(`entries_per_ticket must be between 1 and ${MAX_ENTRIES} (0 means 1)`);
  const startsAt = request.startsAt;
  if (!startsAt) throw invalidInput('starts_at is required');
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  const earliest = new Date(now);
  earliest.setUTCFullYear(earliest.getUTCFullYear() - 1);
  for (const [field, at] of timesOf(request)) {
    if (at > latest || at < earliest) {
      throw invalidInput(`${field} must be within ${MAX_YEARS_AHEAD} years from now and not over a year ago`);
    }
  }
  if (startsAt <= now)
    throw invalidInput('starts_at must be in the future: a product cannot go on sale after it started');
  if (request.salesCloseAt && request.salesCloseAt > startsAt)
    throw invalidInput('sales_close_at must not be after starts_at');
  if (request.admissionOpensAt && request.admissionClosesAt && request.admissionOpensAt >= request.admissionClosesAt) {
    throw invalidInput('admission_opens_at must be before admission_closes_at');
  }
  const gateIds = request.gateIds.map((gate) => gate.trim());
  if (gateIds.some((gate) => !gate)) throw invalidInput('gate_ids must not hold an empty gate id');
  const product = em.create(ProductEntity, {
    id: newId('PRD', 8),
    name,
    venue,
    startsAt,
    currencyCode: price.currencyCode,
    priceMinor: price.amountMinor,
    capacity: request.capacity,
    remaining: request.capacity,
    gateIds: [...new Set(gateIds)],
    salesCloseAt: request.salesCloseAt ?? null,
    admissionOpensAt: request.admissionOpensAt ?? null,
    admissionClosesAt: request.admissionClosesAt ?? null,
    entriesPerTicket: Math.max(1, request.entriesPerTicket),
    seating: request.seating.trim(),
    venueNotes: request.venueNotes.trim(),
    entryInstructions: request.entryInstructions.trim(),
    allowReentry: request.allowReentry,
    createdAt: now,
  });
  if (actor !== undefined)
    audit(em, actor, 'product.create', product.id, now, `${product.name}, ${product.capacity} seats`);
  await em.flush();
  return product;
}

function timesOf(request: CreateProductRequest): Array<[string, Date]> {
  const times: Array<[string, Date | undefined]> = [
    ['starts_at', request.startsAt],
    ['sales_close_at', request.salesCloseAt],
    ['admission_opens_at', request.admissionOpensAt],
    ['admission_closes_at', request.admissionClosesAt],
  ];
  return times.filter((entry): entry is [string, Date] => entry[1] !== undefined);
}

/** Adds a product to the catalog after checking every field an operator could get wrong. */
import type { EntityManager } from '@mikro-orm/core';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import { ProductEntity, type Product } from '../catalog/product.entity.js';
import { invalidInput } from '../domain-error.js';
import { newId } from '../ids.js';

const MAX_CAPACITY = 1_000_000;

export async function createProduct(em: EntityManager, request: CreateProductRequest, now: Date): Promise<Product> {
  const name = request.name.trim();
  if (!name) throw invalidInput('name is required');
  const venue = request.venue.trim();
  if (!venue) throw invalidInput('venue is required');
  if (!request.startsAt) throw invalidInput('starts_at is required');
  const price = request.price;
  if (!price || !/^[A-Z]{3}$/.test(price.currencyCode))
    throw invalidInput('price.currency_code must be an ISO 4217 code such as EUR');
  if (!Number.isInteger(price.amountMinor) || price.amountMinor <= 0)
    throw invalidInput('price.amount_minor must be a positive whole number of minor units');
  if (!Number.isInteger(request.capacity) || request.capacity < 1 || request.capacity > MAX_CAPACITY) {
    throw invalidInput(`capacity must be between 1 and ${MAX_CAPACITY}`);
  }
  if (request.entriesPerTicket < 0) throw invalidInput('entries_per_ticket must not be negative');
  if (request.admissionOpensAt && request.admissionClosesAt && request.admissionOpensAt >= request.admissionClosesAt) {
    throw invalidInput('admission_opens_at must be before admission_closes_at');
  }
  const gateIds = [...new Set(request.gateIds.map((gate) => gate.trim()).filter(Boolean))];
  const product = em.create(ProductEntity, {
    id: newId('PRD', 8),
    name,
    venue,
    startsAt: request.startsAt,
    currencyCode: price.currencyCode,
    priceMinor: price.amountMinor,
    capacity: request.capacity,
    remaining: request.capacity,
    gateIds,
    salesCloseAt: request.salesCloseAt ?? null,
    admissionOpensAt: request.admissionOpensAt ?? null,
    admissionClosesAt: request.admissionClosesAt ?? null,
    entriesPerTicket: Math.max(1, request.entriesPerTicket),
    seating: request.seating.trim(),
    venueNotes: request.venueNotes.trim(),
    entryInstructions: request.entryInstructions.trim(),
    createdAt: now,
  });
  await em.flush();
  return product;
}

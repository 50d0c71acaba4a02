/** The demo catalog `npm start` and `cardgate admin seed` put into an empty database. */
import type { EntityManager } from '@mikro-orm/core';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import { ProductEntity, type Product } from '../catalog/product.entity.js';
import type { Actor } from './audit.js';
import { createProduct } from './create-product.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Event start times relative to now, at whole hours, so the demo always has upcoming events. */
function at(now: Date, days: number, hour: number): Date {
  const date = new Date(now.getTime() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

export function demoCatalog(now: Date): CreateProductRequest[] {
  const base = {
    gateIds: [],
    salesCloseAt: undefined,
    admissionOpensAt: undefined,
    admissionClosesAt: undefined,
    entriesPerTicket: 1,
    allowReentry: false,
  };
  const tonight = at(now, 0, 23) > now ? at(now, 0, 23) : at(now, 1, 20);
  return [
    {
      ...base,
      name: 'Jazz Night',
      venue: 'Blue Note Hall',
      startsAt: tonight,
      price: { currencyCode: 'EUR', amountMinor: 3500 },
      capacity: 120,
      seating: 'General admission',
      venueNotes: 'Doors open one hour before the show.',
      entryInstructions: 'Show your card at the main entrance.',
    },
    {
      ...base,
      name: 'City Symphony: Beethoven 9',
      venue: 'Concert Hall',
      startsAt: at(now, 3, 19),
      price: { currencyCode: 'EUR', amountMinor: 6800 },
      capacity: 400,
      seating: 'Stalls',
      venueNotes: 'Latecomers are admitted during the interval.',
      entryInstructions: 'Use the stalls entrance, doors A-C.',
      gateIds: ['A', 'B', 'C'],
    },
    {
      ...base,
      name: 'Cup Final',
      venue: 'National Stadium',
      startsAt: at(now, 7, 18),
      price: { currencyCode: 'EUR', amountMinor: 9000 },
      capacity: 5000,
      seating: 'North stand',
      venueNotes: 'No bags larger than A4.',
      entryInstructions: 'Gates open 3 hours before kick-off.',
      admissionOpensAt: new Date(at(now, 7, 18).getTime() - 3 * HOUR),
    },
    {
      ...base,
      name: 'Indie Showcase',
      venue: 'The Basement',
      startsAt: at(now, 2, 21),
      price: { currencyCode: 'EUR', amountMinor: 1500 },
      capacity: 10,
      seating: 'Standing',
      venueNotes: 'Small venue: only ten tickets.',
      entryInstructions: 'Side door on Mill Lane.',
    },
    {
      ...base,
      name: 'Film Festival Pass',
      venue: 'Cinema Paradiso',
      startsAt: at(now, 5, 10),
      price: { currencyCode: 'EUR', amountMinor: 12000 },
      capacity: 200,
      seating: 'Any screening',
      venueNotes: 'Valid for three screenings.',
      entryInstructions: 'Present the card at each screening.',
      entriesPerTicket: 3,
    },
  ];
}

/** Seeds the demo catalog when the database has no products; returns the products created. */
export async function seedDemoCatalog(em: EntityManager, now = new Date(), actor?: Actor): Promise<Product[]> {
  if ((await em.count(ProductEntity, {})) > 0) return [];
  const created: Product[] = [];
  for (const request of demoCatalog(now)) created.push(await createProduct(em.fork(), request, now, actor));
  return created;
}

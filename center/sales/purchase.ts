/**
 * PurchaseTickets (SPEC §2 steps 2-5, §3 idempotency): where a purchase is
 * decided. What a request does depends only on where the order of its
 * idempotency key stands, one handler per state:
 *
 *   new              sell: reserve, charge, issue or refuse (sell.ts)
 *   other request    the key was used for a different purchase: INVALID_INPUT
 *   retryable        the last try found the payment service unavailable: sell again under that order
 *   pending, fresh   another call is selling it right now: BUSY
 *   pending, stale   a center died mid-sale: recover it, then answer as it then stands
 *   ended            replay the recorded outcome
 *
 * A new key costs no read: every request is first sold as new, and the sale
 * writer reports the key taken if it already was; only then is the order read.
 *
 * While the calling terminal is in a card-testing cool-down (decline-guard.ts)
 * nothing is sold or recorded: a new key, or a retryable one, is answered
 * TOO_MANY_DECLINES, while a key whose sale has ended still gets its outcome
 * (a buyer who paid gets the tickets, whoever was declined after them).
 */
import { quoted } from '../../card/text.js';
import type { PurchaseTicketsRequest, PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import type { Caller } from '../auth/authenticator.js';
import type { Product } from '../catalog/product.entity.js';
import { DomainError, invalidInput, notFound } from '../domain-error.js';
import { OrderEntity, type Order } from './order.entity.js';
import { refusalWhileHeld } from './decline-guard.js';
import { outcomeOf } from './order-view.js';
import { isStale, recoverOrder } from './recovery.js';
import type { SalesDeps } from './sales-deps.js';
import { KEY_TAKEN, sell } from './sell.js';
import { validatePurchase, type ValidPurchase } from './validate-purchase.js';

type Products = ReadonlyMap<string, Product>;

/** One request's purchase, as validated, with its products and the terminal asking. */
interface Sale {
  readonly purchase: ValidPurchase;
  readonly products: Products;
  readonly caller: Caller;
}

/** Where the order of a taken idempotency key stands. */
type KeyState =
  | { readonly kind: 'otherRequest' }
  | { readonly kind: 'retryable'; readonly order: Order }
  | { readonly kind: 'pendingFresh' }
  | { readonly kind: 'pendingStale'; readonly order: Order }
  | { readonly kind: 'ended'; readonly order: Order };

export async function purchaseTickets(
  deps: SalesDeps,
  request: PurchaseTicketsRequest,
  caller: Caller,
): Promise<PurchaseTicketsResponse> {
  const purchase = validatePurchase(request, deps.key.fingerprintKey);
  const products = await loadProducts(deps, purchase);
  const held = refusalWhileHeld(deps, caller);
  if (!held) {
    const sold = await sell(deps, purchase, products, null, caller);
    if (sold !== KEY_TAKEN) return sold;
  }

  const em = deps.orm.em.fork();
  const order = await em.findOne(OrderEntity, { idempotencyKey: purchase.idempotencyKey });
  if (!order) {
    if (held) return held;
    throw new DomainError('BUSY', 'this purchase is still being processed; try again in a few seconds');
  }
  const state = stateOf(deps, purchase, order);
  switch (state.kind) {
    case 'otherRequest':
      throw invalidInput('idempotency_key was already used for a different purchase; use a new key for a new purchase');
    case 'retryable':
      return sellAgain(deps, { purchase, products, caller }, state.order);
    case 'pendingFresh':
      throw new DomainError('BUSY', 'this purchase is still being processed; try again in a few seconds');
    case 'pendingStale':
      return recoverThenAnswer(deps, { purchase, products, caller }, state.order);
    case 'ended':
      return outcomeOf(em, state.order);
  }
}

function stateOf(deps: SalesDeps, purchase: ValidPurchase, order: Order): KeyState {
  if (order.fingerprint !== purchase.fingerprint) return { kind: 'otherRequest' };
  switch (order.state) {
    case 'retryable':
      return { kind: 'retryable', order };
    case 'pending':
      return isStale(deps, order) ? { kind: 'pendingStale', order } : { kind: 'pendingFresh' };
    case 'issued':
    case 'cancelled':
    case 'unavailable':
      return { kind: 'ended', order };
  }
}

async function sellAgain(deps: SalesDeps, sale: Sale, order: Order): Promise<PurchaseTicketsResponse> {
  const { purchase, products, caller } = sale;
  const held = refusalWhileHeld(deps, caller);
  if (held) return held;
  const sold = await sell(deps, purchase, products, order, caller);
  if (sold === KEY_TAKEN)
    throw new DomainError('BUSY', 'this purchase is already being retried; try again in a few seconds');
  return sold;
}

/** Finishes or undoes the interrupted sale now (recovery.ts), then answers as the order then stands. */
async function recoverThenAnswer(deps: SalesDeps, sale: Sale, order: Order): Promise<PurchaseTicketsResponse> {
  await recoverOrder(deps, order.id);
  const em = deps.orm.em.fork();
  const recovered = await em.findOneOrFail(OrderEntity, { id: order.id });
  switch (recovered.state) {
    case 'pending':
      throw new DomainError(
        'BUSY',
        'this purchase is still being processed (payment service unreachable); try again shortly',
      );
    case 'retryable':
      return sellAgain(deps, sale, recovered);
    case 'issued':
    case 'cancelled':
    case 'unavailable':
      return outcomeOf(em, recovered);
  }
}

async function loadProducts(deps: SalesDeps, purchase: ValidPurchase): Promise<Products> {
  const byId = new Map<string, Product>();
  for (const { productId } of purchase.lines) {
    const product = await deps.products.find(productId);
    if (!product) throw notFound(`no product ${quoted(productId)}`);
    byId.set(productId, product);
  }
  return byId;
}

/** CatalogService: products with seats left, and the live availability stream. */
import { quoted } from '../../card/text.js';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { MikroORM } from '@mikro-orm/core';
import type {
  CatalogServiceServer,
  WatchAvailabilityRequest,
  WatchAvailabilityResponse,
} from '../../gen/cardgate/v1/catalog.js';
import { invalidInput, notFound } from '../domain-error.js';
import { refusalOf } from '../grpc/request-limits.js';
import { authorizationOf, centerError, unary, type HandlerContext } from '../grpc/unary.js';
import type { AvailabilityHub } from './availability-hub.js';
import { ProductEntity } from './product.entity.js';
import type { StreamQuota } from '../grpc/stream-quota.js';
import { toProductMessage } from './product-message.js';

const ANY_TERMINAL = ['kiosk', 'gate'] as const;

export function catalogService(
  context: HandlerContext,
  orm: MikroORM,
  hub: AvailabilityHub,
  streams: StreamQuota,
): CatalogServiceServer {
  return {
    listProducts: unary(context, 'ListProducts', ANY_TERMINAL, async () => {
      const products = await orm.em.fork().find(ProductEntity, {}, { orderBy: { startsAt: 'asc', id: 'asc' } });
      return { products: products.map(toProductMessage) };
    }),

    getProduct: unary(context, 'GetProduct', ANY_TERMINAL, async (request) => {
      if (!request.productId) throw invalidInput('product_id is required');
      const product = await orm.em.fork().findOne(ProductEntity, { id: request.productId });
      if (!product) throw notFound(`no product ${quoted(request.productId)}`);
      return { product: toProductMessage(product) };
    }),

    watchAvailability(call: ServerWritableStream<WatchAvailabilityRequest, WatchAvailabilityResponse>) {
      let release = () => {};
      void (async () => {
        try {
          const refusal = refusalOf(call.request);
          if (refusal !== undefined) throw invalidInput(refusal);
          const caller = await context.auth.authorize(authorizationOf(call.metadata), ANY_TERMINAL);
          const giveBack = streams.take(caller.terminalId);
          const wanted = new Set(call.request.productIds);
          const matches = (productId: string) => wanted.size === 0 || wanted.has(productId);
          // Subscribe before reading the current state, so no change falls between the two.
          const unsubscribe = hub.subscribe((update) => {
            if (matches(update.productId)) call.write(update);
          });
          release = () => {
            unsubscribe();
            giveBack();
          };
          call.on('cancelled', release);
          call.on('close', release);
          const current = await currentStock(orm);
          const unknown = [...wanted].find((id) => !current.some((stock) => stock.productId === id));
          if (unknown !== undefined) throw notFound(`no product ${quoted(unknown)}`);
          for (const stock of current) if (matches(stock.productId)) call.write(stock);
        } catch (error) {
          release();
          const serviceError = centerError(error, context.logger, 'WatchAvailability');
          call.emit('error', { code: serviceError.code ?? status.INTERNAL, details: serviceError.details });
        }
      })();
    },
  };
}

/**
 * Every product's seats left, as plain messages: a stream lives for hours, and whatever its handler's closures
 * can reach stays alive that long. Entities read here would keep their EntityManager fork, its identity map
 * and unit of work with them, for each of thousands of open streams.
 */
async function currentStock(orm: MikroORM): Promise<WatchAvailabilityResponse[]> {
  const products = await orm.em
    .fork()
    .find(ProductEntity, {}, { orderBy: { startsAt: 'asc' }, fields: ['id', 'remaining', 'capacity'] });
  return products.map((product) => ({
    productId: product.id,
    remaining: product.remaining,
    capacity: product.capacity,
    product: undefined,
  }));
}

/**
 * The one way kiosks, gates, the CLI and tests talk to the sales center: a
 * Promise API over the generated gRPC clients, authenticated with the
 * terminal's bearer token.
 */
import { credentials, type ChannelOptions, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import {
  AdminServiceClient,
  type CancelOrderRequest,
  type CreateProductRequest,
  ListOrdersRequest,
  type ListRedemptionsRequest,
  ListRefusalsRequest,
  UpdateProductRequest,
  type WatchAdmissionsRequest,
  type WatchAdmissionsResponse,
} from '../gen/cardgate/v1/admin.js';
import { CatalogServiceClient, type Product, type WatchAvailabilityResponse } from '../gen/cardgate/v1/catalog.js';
import {
  Direction,
  GateServiceClient,
  type AnnulRedemptionRequest,
  type CheckTicketsRequest,
  type RedeemTicketRequest,
} from '../gen/cardgate/v1/gate.js';
import { SalesServiceClient, type Order, type PurchaseTicketsRequest } from '../gen/cardgate/v1/sales.js';
import { TerminalServiceClient } from '../gen/cardgate/v1/terminal.js';
import { centerTarget, isLoopbackTarget, ROUND_ROBIN } from './center-target.js';
import { bearerInterceptor, unary } from './rpc.js';

/** PEM contents (SPEC §8): the authority the center's certificate must chain to, and this terminal's own certificate for mutual TLS. */
export interface ClientTls {
  /** Trusted authority; the system's roots when absent. */
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

export interface CenterClientOptions {
  /** Deadline of each unary call; a purchase waits for the charge terminal, so keep it above the center's charge deadline. */
  readonly timeoutMs?: number;
  /** Connect with TLS; without it the connection is plain text, which only loopback addresses accept. */
  readonly tls?: ClientTls;
  /** More grpc-js channel options (e.g. a shorter reconnect backoff than grpc-js' 2 minutes at most). */
  readonly channelOptions?: ChannelOptions;
}

/**
 * The channel credentials for `address`, refusing plain text beyond loopback: the bearer token (and,
 * for a kiosk, card numbers) would cross the venue's network readable by anyone on it (SPEC §8).
 */
export function channelCredentials(address: string, tls: ClientTls | undefined) {
  if (tls) return credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null);
  if (!isLoopbackTarget(address)) {
    throw new Error(
      `refusing to send a token in clear text to ${address}: beyond loopback the center must be reached over TLS. ` +
        'Pass --tls-ca PATH (or set CARDGATE_TLS_CA) with the authority made by `cardgate admin tls init`.',
    );
  }
  return credentials.createInsecure();
}

/** `T` with the fields `K` optional: fields added to a request later default, so callers need not name them. */
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export class CenterClient {
  readonly catalog: CatalogServiceClient;
  readonly sales: SalesServiceClient;
  readonly gate: GateServiceClient;
  readonly admin: AdminServiceClient;
  readonly terminal: TerminalServiceClient;
  private readonly timeoutMs: number;

  /** @param address one center's host:port, or several centers' as host:port,host:port (see center-target.ts) */
  constructor(
    readonly address: string,
    token: string,
    options: CenterClientOptions = {},
  ) {
    const channel = channelCredentials(address, options.tls);
    const clientOptions = { ...ROUND_ROBIN, ...options.channelOptions, interceptors: [bearerInterceptor(token)] };
    const target = centerTarget(address);
    this.catalog = new CatalogServiceClient(target, channel, clientOptions);
    this.sales = new SalesServiceClient(target, channel, clientOptions);
    this.gate = new GateServiceClient(target, channel, clientOptions);
    this.admin = new AdminServiceClient(target, channel, clientOptions);
    this.terminal = new TerminalServiceClient(target, channel, clientOptions);
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async listProducts(): Promise<Product[]> {
    return (await unary(this.catalog.listProducts.bind(this.catalog), {}, this.timeoutMs)).products;
  }

  async getProduct(productId: string): Promise<Product> {
    const { product } = await unary(this.catalog.getProduct.bind(this.catalog), { productId }, this.timeoutMs);
    return product!;
  }

  /** Streams seats-left updates until the returned function is called. */
  watchAvailability(
    productIds: readonly string[],
    onUpdate: (update: WatchAvailabilityResponse) => void,
    onEnd: (error?: ServiceError) => void,
  ): () => void {
    const stream: ClientReadableStream<WatchAvailabilityResponse> = this.catalog.watchAvailability({
      productIds: [...productIds],
    });
    let cancelled = false;
    stream.on('data', onUpdate);
    stream.on('error', (error: ServiceError) => {
      if (!cancelled) onEnd(error);
    });
    stream.on('end', () => {
      if (!cancelled) onEnd();
    });
    return () => {
      cancelled = true;
      stream.cancel();
    };
  }

  /**
   * Streams every admission, refusal, exit and annulment (admin token) until the returned function
   * is called; `onOpen` once the center is watching (nothing after it is missed).
   */
  watchAdmissions(
    request: Partial<WatchAdmissionsRequest>,
    handlers: {
      onEvent: (event: WatchAdmissionsResponse) => void;
      onEnd: (error?: ServiceError) => void;
      onOpen?: () => void;
    },
  ): { stop: () => void; stream: ClientReadableStream<WatchAdmissionsResponse> } {
    const stream = this.admin.watchAdmissions({ gateIds: [], productIds: [], ...request });
    // Ended once: after an error status the stream also emits 'end'.
    let cancelled = false;
    stream.on('metadata', () => handlers.onOpen?.());
    stream.on('data', handlers.onEvent);
    stream.on('error', (error: ServiceError) => {
      if (!cancelled) handlers.onEnd(error);
      cancelled = true;
    });
    stream.on('end', () => {
      if (!cancelled) handlers.onEnd();
      cancelled = true;
    });
    const stop = () => {
      cancelled = true;
      stream.cancel();
    };
    return { stop, stream };
  }

  purchaseTickets(request: PurchaseTicketsRequest) {
    return unary(this.sales.purchaseTickets.bind(this.sales), request, this.timeoutMs);
  }

  async getOrder(orderId: string): Promise<Order> {
    return (await unary(this.sales.getOrder.bind(this.sales), { orderId }, this.timeoutMs)).order!;
  }

  /** An entry unless `direction` says otherwise. */
  redeemTicket(request: Optional<RedeemTicketRequest, 'direction'>) {
    const full: RedeemTicketRequest = { direction: Direction.DIRECTION_ENTRY, ...request };
    return unary(this.gate.redeemTicket.bind(this.gate), full, this.timeoutMs);
  }

  async checkTickets(request: Optional<CheckTicketsRequest, 'direction'>) {
    const full: CheckTicketsRequest = { direction: Direction.DIRECTION_ENTRY, ...request };
    return (await unary(this.gate.checkTickets.bind(this.gate), full, this.timeoutMs)).results;
  }

  /** Undoes this gate's last movement of the ticket (within 15 minutes); the movement undone. */
  async annulRedemption(request: AnnulRedemptionRequest) {
    return (await unary(this.gate.annulRedemption.bind(this.gate), request, this.timeoutMs)).redemption!;
  }

  getSigningKey() {
    return unary(this.terminal.getSigningKey.bind(this.terminal), {}, this.timeoutMs);
  }

  whoAmI() {
    return unary(this.terminal.whoAmI.bind(this.terminal), {}, this.timeoutMs);
  }

  async createProduct(request: Optional<CreateProductRequest, 'allowReentry'>): Promise<Product> {
    const full: CreateProductRequest = { allowReentry: false, ...request };
    return (await unary(this.admin.createProduct.bind(this.admin), full, this.timeoutMs)).product!;
  }

  /** The order as it is now, whether it was already cancelled, and how many of its tickets had been used. */
  cancelOrder(request: Pick<CancelOrderRequest, 'orderId'> & Partial<CancelOrderRequest>) {
    const full: CancelOrderRequest = { reason: '', force: false, ...request };
    return unary(this.admin.cancelOrder.bind(this.admin), full, this.timeoutMs);
  }

  async listRedemptions(request: Partial<ListRedemptionsRequest> = {}) {
    const full: ListRedemptionsRequest = { productId: '', gateId: '', limit: 0, offset: 0, ...request };
    return (await unary(this.admin.listRedemptions.bind(this.admin), full, this.timeoutMs)).redemptions;
  }

  async listOrders(limit = 0, filters: Partial<ListOrdersRequest> = {}) {
    const full = ListOrdersRequest.fromPartial({ limit, ...filters });
    return (await unary(this.admin.listOrders.bind(this.admin), full, this.timeoutMs)).orders;
  }

  async listProductStats(includePast = false) {
    return (await unary(this.admin.listProductStats.bind(this.admin), { includePast }, this.timeoutMs)).products;
  }

  async listGates() {
    return (await unary(this.admin.listGates.bind(this.admin), {}, this.timeoutMs)).gates;
  }

  async updateProduct(request: Pick<UpdateProductRequest, 'productId'> & Partial<UpdateProductRequest>) {
    const full = UpdateProductRequest.fromPartial(request);
    return (await unary(this.admin.updateProduct.bind(this.admin), full, this.timeoutMs)).product!;
  }

  async listRefusals(request: Partial<ListRefusalsRequest> = {}) {
    const full = ListRefusalsRequest.fromPartial(request);
    return (await unary(this.admin.listRefusals.bind(this.admin), full, this.timeoutMs)).refusals;
  }

  async listAuditEvents(limit = 0) {
    return (await unary(this.admin.listAuditEvents.bind(this.admin), { limit }, this.timeoutMs)).events;
  }

  close(): void {
    for (const client of [this.catalog, this.sales, this.gate, this.admin, this.terminal]) client.close();
  }
}

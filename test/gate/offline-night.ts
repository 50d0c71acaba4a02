/**
 * A night with a real center process that can be killed (SIGKILL) and started
 * again on the same address and database, and gates with their own journals
 * (gate/offline/), for the off-line gate tests (SPEC §9).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { createChargeServer } from '../../charge/server.js';
import type { Card } from '../../card/card.js';
import { mergeTickets } from '../../card/tickets.js';
import type { CreateProductRequest } from '../../gen/cardgate/v1/admin.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { OfflineGate } from '../../gate/offline/offline-gate.js';
import { CenterClient } from '../../terminal/center-client.js';
import { prepareDatabase, startCenterProcess, type CenterProcess } from '../helpers/center-process.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { waitUntil } from '../helpers/wait.js';

export interface Night {
  readonly dir: string;
  readonly address: string;
  readonly dbPath: string;
  readonly tokens: { readonly kiosk: string; readonly gate: string; readonly admin: string };
  readonly kiosk: CenterClient;
  readonly gate: CenterClient;
  readonly admin: CenterClient;
  /** SIGKILL the center. */
  killCenter(): void;
  /** A new center process on the same address and database. */
  startCenter(): Promise<void>;
  /** Buys `quantity` tickets of a new product onto `card`. */
  buyOnto(card: Card, product?: Partial<CreateProductRequest>, quantity?: number): Promise<CardTicket[]>;
  /** A gate's off-line link with its own journal in the night's dir, polling every 200 ms. */
  offlineGate(gateId: string): Promise<OfflineGate>;
}

export async function startNight(t: ExecutionContext): Promise<Night> {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-night-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const charge = createChargeServer({ latencyMs: 0 });
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const db = await prepareDatabase(t, { name: 'Warm-up' });
  const orm = await db.open();
  const admin = (await createTerminalToken(orm.em.fork(), 'admin', 'admin')).token;
  let center: CenterProcess = await startCenterProcess(db.dbPath, chargeAddress);
  t.teardown(() => center.kill());
  const address = center.address;
  const clients: CenterClient[] = [];
  const client = (token: string) => {
    const made = new CenterClient(address, token, { timeoutMs: 10_000 });
    clients.push(made);
    return made;
  };
  t.teardown(() => clients.forEach((made) => made.close()));
  const tokens = { kiosk: db.kioskToken, gate: db.gateToken, admin };
  const kiosk = client(tokens.kiosk);
  const adminClient = client(tokens.admin);
  return {
    dir,
    address,
    dbPath: db.dbPath,
    tokens,
    kiosk,
    gate: client(tokens.gate),
    admin: adminClient,
    killCenter: () => center.kill(),
    async startCenter() {
      center = await startCenterProcess(db.dbPath, chargeAddress, ['--listen', address]);
    },
    async buyOnto(card, product = {}, quantity = 1) {
      const created = await createProduct(adminClient, product);
      const { purchase, unavailable } = await kiosk.purchaseTickets(
        purchaseRequest(created.id, {
          quantity,
          cardId: card.id,
          buyer: { name: 'Hanako Yamada', email: 'h@example.com' },
        }),
      );
      if (!purchase) throw new Error(`purchase refused: ${unavailable?.message}`);
      await card.writeImage(mergeTickets(await card.readImage(), purchase.tickets));
      return purchase.tickets;
    },
    async offlineGate(gateId) {
      const gate = await OfflineGate.open({
        center: client(tokens.gate),
        gateId,
        journalPath: join(dir, `gate-${gateId}.journal`),
        pollMs: 200,
      });
      t.teardown(() => gate.close());
      return gate;
    },
  };
}

/** Resolves once the gate holds a manifest that satisfies `ready` (polled every 200 ms). */
export async function untilManifest(
  gate: OfflineGate,
  ready: (cancelled: readonly string[], products: readonly string[]) => boolean = () => true,
): Promise<void> {
  await waitUntil(
    'the gate to hold the center’s manifest',
    async () => {
      const manifest = await gate.journal.loadManifest();
      return (
        manifest !== undefined &&
        ready(
          manifest.cancelledTicketIds,
          manifest.products.map((p) => p.id),
        )
      );
    },
    { timeoutMs: 15_000, everyMs: 100 },
  );
}

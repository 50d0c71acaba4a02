/** The ticket signing key: made on first start, kept with the center's data, published to terminals. */
import test from 'ava';
import { publicKeyFromRaw, verifyCardTicket } from '../../card/signature.js';
import { centerConfig } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

test('terminals can verify issued tickets with the key from GetSigningKey (claim 14)', async (t) => {
  const stack = await startStack(t);
  const product = await createProduct(stack.admin);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: '04AA0000000001' }));
  const { publicKey } = await stack.gate.getSigningKey();
  const key = publicKeyFromRaw(publicKey);
  t.true(verifyCardTicket(key, purchase!.tickets[0]!, '04AA0000000001'));
  t.false(verifyCardTicket(key, purchase!.tickets[0]!, '04BB'), 'a copy on another card fails');
});

test('a center restarted on the same database signs with the same key', async (t) => {
  const stack = await startStack(t);
  const before = (await stack.kiosk.getSigningKey()).publicKeyPem;
  const again = await createCenter(
    centerConfig({
      listen: '127.0.0.1:0',
      database: { kind: 'sqlite', path: stack.dbPath },
      charge: stack.chargeAddress,
    }),
  );
  t.teardown(() => again.stop());
  const { CenterClient } = await import('../../terminal/center-client.js');
  const client = new CenterClient(`127.0.0.1:${await again.listen()}`, stack.tokens.gate);
  t.teardown(() => client.close());
  t.is((await client.getSigningKey()).publicKeyPem, before);
});

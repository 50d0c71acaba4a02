/**
 * Issue 18: an operator's `product-update --close-sales` reaches a kiosk that is already showing the
 * catalog: the product leaves the list at once (through WatchAvailability), and a renamed product
 * shows its new name.
 */
import test from 'ava';
import { SalesChange } from '../../gen/cardgate/v1/admin.js';
import { createProduct } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { renderKiosk } from './kiosk-harness.js';

test('a running kiosk stops offering a product whose sales an operator closed, and shows a new name', async (t) => {
  const stack = await startStack(t);
  const closing = await createProduct(stack.admin, { name: 'Closing Soon' });
  const renamed = await createProduct(stack.admin, { name: 'Old Name Gala' });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Closing Soon');
  await kiosk.waitFor('Old Name Gala');

  await stack.admin.updateProduct({ productId: closing.id, sales: SalesChange.SALES_CHANGE_CLOSE });
  await stack.admin.updateProduct({ productId: renamed.id, name: 'New Name Gala' });
  await kiosk.waitFor('New Name Gala');
  const frame = await waitUntil(
    'Closing Soon to leave the catalog',
    () => !/Closing Soon/.test(kiosk.frame()) && kiosk.frame(),
    {
      seen: () => kiosk.frame(),
    },
  );
  t.notRegex(frame, /Old Name Gala/);
});

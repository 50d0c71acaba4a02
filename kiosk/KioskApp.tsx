
import type { CardReader } from '../card/index.js';
import type { CenterClient } from '../terminal/center-client.js';
import { CardReaderProvider } from '../terminal/card/CardReaderProvider.js';
import { useCatalog } from '../terminal/hooks/use-catalog.js';
import { useCenterStatus } from '../terminal/hooks/use-center-status.js';
import { useIdleTimeout } from '../terminal/hooks/use-idle-timeout.js';
import { KeysRoot } from '../terminal/hooks/use-keys.js';
import { useKioskFlow } from './hooks/use-kiosk-flow.js';
import { KioskContext, useKiosk } from './kiosk-context.js';
import { purchaseRequest } from './purchase-request.js';
import { BuyerScreen } from './screens/BuyerScreen.js';
import { CatalogScreen } from './screens/CatalogScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { MyCardScreen } from './screens/MyCardScreen.js';
import { PaymentScreen } from './screens/PaymentScreen.js';
import { ProcessingScreen } from './screens/ProcessingScreen.js';
import { QuantityScreen } from './screens/QuantityScreen.js';
import { RecoverScreen } from './screens/RecoverScreen.js';
import { ReviewScreen } from './screens/ReviewScreen.js';
import { UnavailableScreen } from './screens/UnavailableScreen.js';
import { WritingScreen } from './screens/WritingScreen.js';
import { useKeys } from '../terminal/hooks/use-keys.js';
import { DEFAULT_IDLE_MS } from './defaults.js';

export interface KioskAppProps {
  readonly center: CenterClient;
  readonly reader: CardReader;
  /** Back to Home, everything entered wiped, after this long without a key (0: never). */
  readonly idleMs?: number;
  /** Esc on Home calls this (the demo launcher); without it the kiosk runs until Ctrl+C. */
  readonly onExit?: () => void;
  readonly timeZone?: string;
  /** A line on the payment screen, e.g. which test card numbers the demo's payment simulator approves. */
  readonly paymentHint?: string;
}


/** The purchase kiosk (SPEC §2 steps 1-6): the buyer's screens around one state reducer. */
export function KioskApp({ center, reader, idleMs = DEFAULT_IDLE_MS, onExit, timeZone, paymentHint }: KioskAppProps) {
  const status = useCenterStatus(center);
  return (
    <KioskContext.Provider value={{ center, status, timeZone, paymentHint }}>
      <CardReaderProvider reader={reader}>
        {/* One keyboard subscription for all the screens (terminal/hooks/use-keys.ts). */}
        <KeysRoot>
          <KioskFlow idleMs={idleMs} onExit={onExit} />
        </KeysRoot>
      </CardReaderProvider>
    </KioskContext.Provider>
  );
}

function KioskFlow({ idleMs, onExit }: { readonly idleMs: number; readonly onExit?: () => void }) {
  const { center, status } = useKiosk();
  const catalog = useCatalog(center);
  const [state, dispatch] = useKioskFlow();
  const go = (step: typeof state.step) => dispatch({ type: 'go', step });
  const home = () => dispatch({ type: 'reset' });
  useIdleTimeout(idleMs, home, state.step !== 'home' && state.step !== 'processing');
  useKeys((input) => {
    if (input === 'r' && state.step === 'home' && status.state === 'offline') status.retry();
  });

  switch (state.step) {
    case 'home':
      return <HomeScreen onChoose={go} onExit={onExit} />;
    case 'catalog':
      return <CatalogScreen catalog={catalog} onChoose={(product) => dispatch({ type: 'choose-product', product })} onBack={home} />;
    case 'quantity': {
      const product = catalog.products.find((p) => p.id === state.product!.id) ?? state.product!;
      return (
        <QuantityScreen product={product} initial={state.quantity} onChoose={(quantity, card) => dispatch({ type: 'set-quantity', quantity, card })}
          onBack={() => go('catalog')} onMyCard={() => go('my-card')} />
      );
    }
    case 'buyer':
      return <BuyerScreen initial={state.buyer} onDone={(buyer) => dispatch({ type: 'set-buyer', buyer })} onBack={() => go('quantity')} />;
    case 'payment':
      return <PaymentScreen initial={state.payment} onDone={(payment) => dispatch({ type: 'set-payment', payment })} onBack={() => dispatch({ type: 'leave-payment' })} />;
    case 'review':
      return <ReviewScreen state={state} onConfirm={() => dispatch({ type: 'confirm' })} onBack={() => go('payment')} />;
    case 'processing':
      return (
        <ProcessingScreen key={state.idempotencyKey} request={purchaseRequest(state)} onGiveUp={() => dispatch({ type: 'abandon' })}
          onAnswer={(response) =>
            response.purchase ? dispatch({ type: 'purchased', purchase: response.purchase }) : dispatch({ type: 'unavailable', unavailable: response.unavailable! })
          } />
      );
    case 'unavailable':
      return <UnavailableScreen unavailable={state.unavailable!} onHome={home} onNext={(next) => go(next === 'retry' ? 'payment' : next)} />;
    case 'writing':
      return <WritingScreen job={state.job!} onDone={home} />;
    case 'my-card':
      return <MyCardScreen onBack={home} />;
    case 'recover':
      return <RecoverScreen onBack={home} onRecovered={(job) => dispatch({ type: 'recovered', job })} />;
  }
}

import { randomUUID } from 'node:crypto';
import { useReducer, useRef, useState } from 'react';
import type { CardReader } from '../card/index.js';
import type { CenterClient } from '../terminal/center-client.js';
import { CardReaderProvider } from '../terminal/card/CardReaderProvider.js';
import { useCatalog } from '../terminal/hooks/use-catalog.js';
import { useCenterStatus } from '../terminal/hooks/use-center-status.js';
import { useIdleTimeout } from '../terminal/hooks/use-idle-timeout.js';
import { KeysRoot } from '../terminal/hooks/use-keys.js';
import { HOME, kioskReducer } from './flow/kiosk-state.js';
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
import { isRetryKey } from '../terminal/components/CenterBanner.js';
import { DEFAULT_IDLE_MS } from './defaults.js';
import { StaffExitScreen } from './screens/StaffExitScreen.js';
import { staffSequence, type StaffTokenCheck } from './staff-exit.js';
import { QuitKey } from '../terminal/components/KeyHelp.js';

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
  /** The time now; tests pass the center's test clock. */
  readonly clock?: () => Date;
  /** How often the center's reachability is checked (default 5000 ms). */
  readonly statusIntervalMs?: number;
  /**
   * A locked kiosk (unattended, in public): no screen offers Ctrl+C, and staff leave by pressing Ctrl+X
   * three times and typing an admin token that `check` confirms with the center; then `onExit`.
   * The caller also keeps Ctrl+C from ending the process (Ink's exitOnCtrlC off).
   */
  readonly locked?: { readonly check: StaffTokenCheck; readonly onExit: () => void };
}

/** The purchase kiosk (SPEC §2 steps 1-6): the buyer's screens around one state reducer. */
export function KioskApp({
  center,
  reader,
  idleMs = DEFAULT_IDLE_MS,
  onExit,
  timeZone,
  paymentHint,
  clock,
  statusIntervalMs,
  locked,
}: KioskAppProps) {
  const status = useCenterStatus(center, { role: 'kiosk', intervalMs: statusIntervalMs });
  return (
    <KioskContext.Provider value={{ center, status, timeZone, paymentHint, clock }}>
      <QuitKey.Provider value={locked ? null : QUIT}>
        <CardReaderProvider reader={reader}>
          {/* One keyboard subscription for all the screens (terminal/hooks/use-keys.ts). */}
          <KeysRoot>
            <KioskFlow idleMs={idleMs} onExit={locked ? undefined : onExit} locked={locked} />
          </KeysRoot>
        </CardReaderProvider>
      </QuitKey.Provider>
    </KioskContext.Provider>
  );
}

const QUIT = ['Ctrl+C', 'quit'] as const;

interface KioskFlowProps {
  readonly idleMs: number;
  readonly onExit?: () => void;
  readonly locked?: KioskAppProps['locked'];
}

function KioskFlow({ idleMs, onExit, locked }: KioskFlowProps) {
  const { center, status } = useKiosk();
  const catalog = useCatalog(center);
  const [phase, dispatch] = useReducer(kioskReducer, HOME);
  const [staff, setStaff] = useState(false);
  const presses = useRef<number[]>([]);
  const back = () => dispatch({ type: 'back' });
  const home = () => dispatch({ type: 'reset' });
  // Idle on the staff screen too: a staff member who walked away leaves a fresh Home, not a token prompt.
  const idle = () => {
    home();
    setStaff(false);
  };
  useIdleTimeout(idleMs, idle, staff || (phase.kind !== 'home' && phase.kind !== 'processing'));
  useKeys((input) => {
    // Never in the middle of paying or writing the card: the buyer's tickets would be left half done.
    if (!locked || staff || input !== '^X' || phase.kind === 'processing' || phase.kind === 'writing') return;
    const next = staffSequence(presses.current, Date.now());
    presses.current = next.presses;
    if (next.complete) setStaff(true);
  });
  useKeys((input) => {
    // Ctrl+R on every screen (it types nothing into a field); plain r too on Home, which has no field.
    if (status.state !== 'offline') return;
    if (isRetryKey(input) || (input === 'r' && phase.kind === 'home')) status.retry();
  });

  if (staff && locked)
    return (
      <StaffExitScreen
        check={locked.check}
        onExit={locked.onExit}
        // Back to a fresh Home: nothing of a buyer's order waits behind the staff screen.
        onCancel={idle}
      />
    );
  switch (phase.kind) {
    case 'home':
      return <HomeScreen onChoose={(screen) => dispatch({ type: 'open', screen })} onExit={onExit} />;
    case 'catalog':
      return (
        <CatalogScreen
          catalog={catalog}
          onChoose={(product) => dispatch({ type: 'choose-product', product })}
          onBack={home}
        />
      );
    case 'quantity': {
      const product = catalog.products.find((p) => p.id === phase.product.id) ?? phase.product;
      return (
        <QuantityScreen
          product={product}
          initial={phase.draft.quantity}
          onChoose={(quantity, card) => dispatch({ type: 'set-quantity', quantity, card })}
          onBack={back}
          onMyCard={() => dispatch({ type: 'open', screen: 'my-card' })}
        />
      );
    }
    case 'buyer':
      return (
        <BuyerScreen
          initial={phase.order.buyer}
          onDone={(buyer) => dispatch({ type: 'set-buyer', buyer })}
          onBack={back}
        />
      );
    case 'payment':
      return (
        <PaymentScreen
          initial={phase.payment}
          onDone={(payment) => dispatch({ type: 'set-payment', payment })}
          onBack={back}
        />
      );
    case 'review':
      // The key is made here, once per confirmed order, and reused by every retry of its request.
      return (
        <ReviewScreen
          order={phase.order}
          payment={phase.payment}
          liveProduct={catalog.products.find((p) => p.id === phase.order.product.id)}
          onConfirm={() => dispatch({ type: 'confirm', idempotencyKey: randomUUID() })}
          onBack={back}
          onOtherEvent={() => dispatch({ type: 'next', next: 'catalog' })}
        />
      );
    case 'processing':
      return (
        <ProcessingScreen
          key={phase.idempotencyKey}
          request={purchaseRequest(phase)}
          onGiveUp={() => dispatch({ type: 'abandon' })}
          onAnswer={(response) =>
            response.purchase
              ? dispatch({ type: 'purchased', purchase: response.purchase })
              : dispatch({ type: 'unavailable', unavailable: response.unavailable! })
          }
        />
      );
    case 'unavailable':
      return (
        <UnavailableScreen
          unavailable={phase.unavailable}
          seatsLeft={catalog.products.find((p) => p.id === phase.order.product.id)?.remaining}
          onHome={home}
          onNext={(next) => dispatch({ type: 'next', next })}
        />
      );
    case 'writing':
      return <WritingScreen job={phase.job} onDone={home} />;
    case 'my-card':
      return <MyCardScreen onBack={home} />;
    case 'recover':
      return <RecoverScreen onBack={home} onRecovered={(job) => dispatch({ type: 'recovered', job })} />;
  }
}

import { lazy, Suspense, useState } from 'react';
import { roomServerBase } from '../../room/serverHere.ts';
import { hostSessionStored } from '../../room/storage.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { Guarded } from '../app/ErrorBoundary.tsx';

// The room's controls, dialogs and QR code come in a chunk of their own, fetched only on a page a
// room server served, once a lesson or the presenter view is open (or a room is to be taken back).
const RoomHost = lazy(() => import('./host/RoomHost.tsx').then((m) => ({ default: m.RoomHost })));

/** Where the facilitator's room bar goes (one mount point in the page); nothing on a static host. */
export function RoomSlot() {
  const wanted = useAppStore((s) => s.lesson !== null || s.presenting);
  const [base] = useState(roomServerBase);
  const [shown, setShown] = useState(() => base !== null && hostSessionStored());
  // Once mounted it stays, so an open room keeps its connection when the lesson closes.
  if (base !== null && wanted && !shown) setShown(true);
  if (!base || !shown) return null;
  return (
    <Guarded area="the room">
      <Suspense fallback={null}>
        <RoomHost base={base} />
      </Suspense>
    </Guarded>
  );
}

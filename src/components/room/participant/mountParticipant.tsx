import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ParticipantApp, participantStart } from './ParticipantApp.tsx';

/**
 * A participant's phone opens the app's address with `?join=CODE`: it gets the room's page instead
 * of the simulator (no engine, no worker), from a chunk of its own.
 */
export function mountParticipant(root: HTMLElement, link: string): void {
  document.title = 'Cachescope room';
  const start = participantStart(link);
  createRoot(root).render(
    <StrictMode>
      <ParticipantApp code={start.code} rejoin={start.rejoin} />
    </StrictMode>,
  );
}

import type { EngineSession } from '../../runtime/session.ts';
import { Header } from './Header.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { Sidebar } from './Sidebar.tsx';
import { Stage } from '../stage/Stage.tsx';
import { MetricsStrip } from '../stage/MetricsStrip.tsx';
import { Controls } from '../controls/Controls.tsx';
import { Legend } from '../controls/Legend.tsx';
import { HelpOverlay } from '../controls/HelpOverlay.tsx';
import { Guarded } from './ErrorBoundary.tsx';
import { CostDialog } from './CostDialog.tsx';

/** The full app: header, controls, the stage with its figures, and the sidebar's tabs. */
export function FullView({ session }: { session: EngineSession }) {
  return (
    <div className="app">
      <Header />
      <NoticeBanner />
      <Controls />
      <main className="main">
        <section className="stage-column" aria-label="Simulation">
          <Guarded area="the stage">
            <Stage session={session} />
            <MetricsStrip />
            <Legend />
          </Guarded>
        </section>
        <Guarded area="this panel">
          <Sidebar />
        </Guarded>
      </main>
      <HelpOverlay />
      <CostDialog />
    </div>
  );
}

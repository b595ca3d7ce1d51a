import { lazy, Suspense, useRef } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import type { EmbedOptions } from '../../share/linkParams.ts';
import { selectTitle } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { CostDialog } from '../app/CostDialog.tsx';
import { Guarded } from '../app/ErrorBoundary.tsx';
import { NoticeBanner } from '../app/NoticeBanner.tsx';
import { EngineBanner } from '../app/EngineBanner.tsx';
import { ScenarioAbout } from '../app/ScenarioAbout.tsx';
import { HelpOverlay } from '../controls/HelpOverlay.tsx';
import { Legend } from '../controls/Legend.tsx';
import { MetricsStrip } from '../stage/MetricsStrip.tsx';
import { Stage } from '../stage/Stage.tsx';
import { EmbedControls } from './EmbedControls.tsx';
import { OpenInApp } from './OpenInApp.tsx';
import { StageFit } from './StageFit.tsx';
import { useEmbed } from './useEmbed.ts';
import './embed.css';

const ChartsSection = lazy(() =>
  import('../app/ChartsSection.tsx').then((m) => ({ default: m.ChartsSection })),
);

/**
 * The view for a documentation page (`embed=1`): the title and "Open in Cachescope", a one-row
 * transport, the stage scaled to whatever room the frame gives, the figures, and optionally the
 * scenario's description and a panel (charts or about). It fits any frame from 360x240 up without
 * scrolling; what needs more room (the legend, the panel) shows when there is room for it.
 */
export function EmbedView({ session, options }: { session: EngineSession; options: EmbedOptions }) {
  const root = useRef<HTMLDivElement>(null);
  const title = useAppStore(selectTitle);
  const description = useAppStore((s) => s.applied.description);
  useEmbed(root, session, options);
  return (
    <div ref={root} className={`app embed panel-${options.panel}`}>
      <header className="embed-bar">
        <h1 className="embed-title">{title}</h1>
        <OpenInApp />
      </header>
      <NoticeBanner />
      <EngineBanner />
      {options.controls && <EmbedControls />}
      <main className="embed-main">
        <section className="embed-stage-column" aria-label="Simulation">
          <Guarded area="the stage">
            <StageFit>
              <Stage session={session} />
            </StageFit>
            {/* The About panel says the same: one copy is enough. */}
            {options.caption && options.panel !== 'about' && description && (
              <p className="embed-caption">{description}</p>
            )}
            <MetricsStrip />
            <Legend />
          </Guarded>
        </section>
        {options.panel !== 'none' && (
          <aside className="embed-panel" aria-label={options.panel === 'charts' ? 'Charts' : 'About'}>
            <Guarded area="this panel">
              <Suspense fallback={<p className="muted">Loading…</p>}>
                {options.panel === 'charts' ? <ChartsSection /> : <ScenarioAbout embed />}
              </Suspense>
            </Guarded>
          </aside>
        )}
      </main>
      <HelpOverlay />
      <CostDialog />
    </div>
  );
}

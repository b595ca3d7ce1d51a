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
import { COMPACT_BELOW } from '../../render/layoutCompact.ts';
import { useElementSize } from '../stage/useElementSize.ts';
import { EmbedControls } from './EmbedControls.tsx';
import { OpenInApp } from './OpenInApp.tsx';
import { StageFit } from './StageFit.tsx';
import { useEmbed } from './useEmbed.ts';
import './embed.css';

/** The strip's figures the compact stage's nodes show. */
const COMPACT_SHOWN = ['cdnHitRatio', 'l1HitRatio', 'l2HitRatio', 'dbQueriesPerSecond'] as const;

const ChartsSection = lazy(() =>
  import('../app/ChartsSection.tsx').then((m) => ({ default: m.ChartsSection })),
);

/**
 * The view for a documentation page (`embed=1`): the title and "Open in Cachescope", a one-row
 * transport, the stage laid out for whatever room the frame gives (compact in a narrow one), the figures, and optionally the
 * scenario's description and a panel (charts or about). It fits any frame from 360x240 up without
 * scrolling; what needs more room (the legend, the panel) shows when there is room for it.
 */
export function EmbedView({ session, options }: { session: EngineSession; options: EmbedOptions }) {
  const root = useRef<HTMLDivElement>(null);
  const column = useRef<HTMLElement>(null);
  // A narrow stage column (a small frame, or a panel beside the stage) gets the compact stage.
  const compact = useElementSize(column, { width: 900, height: 420 }).width < COMPACT_BELOW;
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
        <section className="embed-stage-column" aria-label="Simulation" ref={column}>
          <Guarded area="the stage">
            <StageFit session={session} compact={compact} />
            {/* The About panel says the same: one copy is enough. */}
            {/* It gives way to the stage in a short frame and scrolls: it takes the keyboard's focus. */}
            {options.caption && options.panel !== 'about' && description && (
              <div className="embed-caption" role="region" aria-label="About this scenario" tabIndex={0}>
                <p>{description}</p>
              </div>
            )}
            {/* The compact stage shows the tiers' figures on its nodes: the strip keeps the others. */}
            <MetricsStrip omit={compact ? COMPACT_SHOWN : []} />
            <Legend />
          </Guarded>
        </section>
        {options.panel !== 'none' && (
          // A region that scrolls takes the keyboard's focus, so its content can be scrolled without a mouse.
          <aside
            className="embed-panel"
            aria-label={options.panel === 'charts' ? 'Charts' : 'About'}
            tabIndex={0}
          >
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

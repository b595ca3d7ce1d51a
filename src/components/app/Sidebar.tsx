import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { ScenarioAbout } from './ScenarioAbout.tsx';
import { TABS } from './tabs.ts';

// The other tabs load on first use: the first paint (stage, controls, About) ships less JavaScript.
const ChartsSection = lazy(() => import('./ChartsSection.tsx').then((m) => ({ default: m.ChartsSection })));
const ConfigSection = lazy(() => import('./ConfigSection.tsx').then((m) => ({ default: m.ConfigSection })));
const InspectSection = lazy(() =>
  import('./InspectSection.tsx').then((m) => ({ default: m.InspectSection })),
);
const SweepSection = lazy(() =>
  import('../sweep/SweepSection.tsx').then((m) => ({ default: m.SweepSection })),
);

/** The tab an arrow, Home or End key moves to from tab `i` (WAI-ARIA tabs: arrows wrap around). */
function tabFor(key: string, i: number): number | null {
  const n = TABS.length;
  if (key === 'ArrowRight') return (i + 1) % n;
  if (key === 'ArrowLeft') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/**
 * The right-hand panel, one tab at a time so the type can stay large on a projector. The tabs follow
 * the WAI-ARIA tabs pattern: one tab stop (roving tabindex), arrow keys move and select, Home and End.
 */
export function Sidebar() {
  const store = useAppStoreApi();
  const tab = useAppStore((s) => s.panel);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next = tabFor(e.key, i);
    if (next === null) return;
    e.preventDefault();
    store.getState().setPanel(TABS[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <aside className={`sidebar${tab === 'sweep' ? ' wide' : ''}`} aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={`tab${tab === t.id ? ' active' : ''}`}
            onClick={() => store.getState().setPanel(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* Focusable: the panel scrolls, and keyboard users must be able to scroll it (and reach it). */}
      <div
        className="tab-panel"
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        tabIndex={0}
      >
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {tab === 'about' && <ScenarioAbout />}
          {tab === 'config' && <ConfigSection />}
          {tab === 'charts' && <ChartsSection />}
          {tab === 'inspect' && <InspectSection />}
          {tab === 'sweep' && <SweepSection />}
        </Suspense>
      </div>
    </aside>
  );
}

import { lazy, Suspense } from 'react';
import type { PanelId } from '../../store/selectionSlice.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { ScenarioAbout } from './ScenarioAbout.tsx';

// The other tabs load on first use: the first paint (stage, controls, About) ships less JavaScript.
const ChartsSection = lazy(() => import('./ChartsSection.tsx').then((m) => ({ default: m.ChartsSection })));
const ConfigSection = lazy(() => import('./ConfigSection.tsx').then((m) => ({ default: m.ConfigSection })));
const InspectSection = lazy(() =>
  import('./InspectSection.tsx').then((m) => ({ default: m.InspectSection })),
);

const TABS: { id: PanelId; label: string }[] = [
  { id: 'about', label: 'About' },
  { id: 'config', label: 'Configure' },
  { id: 'charts', label: 'Charts' },
  { id: 'inspect', label: 'Inspect' },
];

/** The right-hand panel, one tab at a time so the type can stay large on a projector. */
export function Sidebar() {
  const store = useAppStoreApi();
  const tab = useAppStore((s) => s.panel);
  return (
    <aside className="sidebar" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={`tab${tab === t.id ? ' active' : ''}`}
            onClick={() => store.getState().setPanel(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {tab === 'about' && <ScenarioAbout />}
          {tab === 'config' && <ConfigSection />}
          {tab === 'charts' && <ChartsSection />}
          {tab === 'inspect' && <InspectSection />}
        </Suspense>
      </div>
    </aside>
  );
}

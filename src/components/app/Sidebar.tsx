import type { PanelId } from '../../store/selectionSlice.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { ChartsSection } from './ChartsSection.tsx';
import { ConfigSection } from './ConfigSection.tsx';
import { InspectSection } from './InspectSection.tsx';
import { ScenarioAbout } from './ScenarioAbout.tsx';

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
        {tab === 'about' && <ScenarioAbout />}
        {tab === 'config' && <ConfigSection />}
        {tab === 'charts' && <ChartsSection />}
        {tab === 'inspect' && <InspectSection />}
      </div>
    </aside>
  );
}

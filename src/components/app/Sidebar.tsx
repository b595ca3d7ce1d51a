import { useState } from 'react';
import { ConfigSection } from './ConfigSection.tsx';
import { ScenarioAbout } from './ScenarioAbout.tsx';

type Tab = 'about' | 'config';
const TABS: { id: Tab; label: string }[] = [
  { id: 'about', label: 'About' },
  { id: 'config', label: 'Configure' },
];

/** The right-hand panel: the scenario's story and the config panel, one at a time to keep type large. */
export function Sidebar() {
  const [tab, setTab] = useState<Tab>('about');
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
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'about' && <ScenarioAbout />}
        {tab === 'config' && <ConfigSection />}
      </div>
    </aside>
  );
}

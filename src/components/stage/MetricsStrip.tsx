import { selectApplied, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { stripItems } from '../app/stripItems.ts';

/** The headline numbers under the stage; every request is counted, whatever the canvas samples. */
export function MetricsStrip() {
  const summary = useAppStore(selectSummary);
  const scenario = useAppStore(selectApplied);
  if (!summary) return null;
  return (
    <dl className="metrics" aria-label="Key metrics so far">
      {stripItems(scenario, summary).map((m) => (
        <div key={m.id} className={`metric${m.warn ? ' warn' : ''}`} title={m.why}>
          <dt>
            {m.color && <span className="metric-dot" style={{ background: m.color }} aria-hidden="true" />}
            {m.label}
          </dt>
          <dd>{m.value}</dd>
        </div>
      ))}
    </dl>
  );
}

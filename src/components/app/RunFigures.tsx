import type { Scenario, Summary } from '../../engine/types.ts';
import { mechanismFigures } from '../../report/figures.ts';

/**
 * The figures of the mechanisms the scenario switched on (write-behind, CDC, CDN, failures, families and
 * their business consequences, stampede mitigations) and the monitoring alerts that fired, as short lists.
 */
export function RunFigures({ summary, scenario }: { summary: Summary; scenario: Scenario }) {
  const sections = mechanismFigures(summary, scenario);
  if (sections.length === 0) return null;
  return (
    <section className="run-figures" aria-label="Run figures">
      {sections.map(({ title, rows }) => (
        <div key={title} className={title === 'Alerts' ? 'figures alerts' : 'figures'}>
          <h3>{title}</h3>
          <dl>
            {rows.map(({ label, value }) => (
              <div key={label} className="figure-row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

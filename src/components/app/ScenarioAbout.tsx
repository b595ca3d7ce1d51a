import { useAppStore } from '../../store/useAppStore.ts';

/**
 * The scenario's description: what to predict before pressing Play, and which number proves it. In an
 * embed there is no Configure tab to point to, so a scenario without a description says less.
 */
export function ScenarioAbout({ embed = false }: { embed?: boolean }) {
  const description = useAppStore((s) => s.applied.description);
  return (
    <section className="about">
      <h2>What to look for</h2>
      <p>
        {description ||
          (embed
            ? 'A custom scenario. Open it in Cachescope to see and change every setting.'
            : 'A custom scenario. Use the Configure tab to see and change every setting.')}
      </p>
      <p className="hint">
        Press <kbd>Space</kbd> to play, <kbd>→</kbd> to step one event, <kbd>?</kbd> for all shortcuts.
      </p>
    </section>
  );
}

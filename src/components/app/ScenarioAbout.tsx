import { useAppStore } from '../../store/useAppStore.ts';

/** The scenario's description: what to predict before pressing Play, and which number proves it. */
export function ScenarioAbout() {
  const description = useAppStore((s) => s.applied.description);
  return (
    <section className="about">
      <h2>What to look for</h2>
      <p>{description || 'A custom scenario. Use the Configure tab to see and change every setting.'}</p>
      <p className="hint">
        Press <kbd>Space</kbd> to play, <kbd>→</kbd> to step one event, <kbd>?</kbd> for all shortcuts.
      </p>
    </section>
  );
}

import { selectTitle } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { PresetPicker } from '../controls/PresetPicker.tsx';
import { SeedInput } from '../controls/SeedInput.tsx';
import { LessonsButton, PresentButton } from '../lessons/LessonButtons.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { ExportButton } from '../export/ExportButton.tsx';
import { RecordToggle } from '../export/RecordToggle.tsx';
import { CompareButton } from '../compare/CompareButton.tsx';
import { ShareButton } from '../share/ShareButton.tsx';
import { OpenTraceButton } from '../trace/OpenTraceButton.tsx';
import { useHeaderMenu } from './useHeaderMenu.ts';

/**
 * The scenario's title (what the audience should read first), lessons and the presenter view, the
 * preset picker, the seed, Compare, Share, Export and Record, theme and help; in the presenter view
 * only the title and the way out. Under 480 px wide the title keeps to one line (cut with an ellipsis,
 * the full title in its tooltip) and the tools fold behind one "Menu" button, so the stage starts high
 * on a phone's first screen.
 */
export function Header() {
  const title = useAppStore(selectTitle);
  const store = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  // A replay says which trace is playing: its requests, not the scenario's drawn ones, make the run.
  const trace = useAppStore((s) => s.applied.workload.trace);
  // What is on screen, by its preset and title: not the scenario object, which the worker's first
  // update and every live change replace.
  const presetId = useAppStore((s) => s.presetId);
  const { open, toggle, buttonRef, toolsRef, onToolsKeyDown } = useHeaderMenu(`${presetId}\n${title}`);
  return (
    <header className="header">
      <h1 title={title}>
        <span className="brand">Cachescope</span> <span className="scenario-title">{title}</span>
        {trace && (
          <span className="scenario-trace" title={`Replaying the trace ${trace.name}`}>
            {' '}
            replaying {trace.name}
            {trace.timeScale !== 1 ? ` (time ×${trace.timeScale})` : ''}
          </span>
        )}
      </h1>
      {presenting ? (
        <div className="header-tools presenting">
          <PresentButton />
        </div>
      ) : (
        <>
          <button
            ref={buttonRef}
            type="button"
            className="btn header-menu"
            aria-expanded={open}
            aria-controls="header-tools"
            onClick={toggle}
          >
            <span aria-hidden="true">{open ? '✕' : '☰'}</span> Menu
          </button>
          <div
            id="header-tools"
            ref={toolsRef}
            className={`header-tools${open ? ' open' : ''}`}
            onKeyDown={onToolsKeyDown}
          >
            <LessonsButton />
            <PresentButton />
            <PresetPicker />
            <SeedInput />
            <CompareButton />
            <OpenTraceButton />
            <ShareButton />
            <ExportButton />
            <RecordToggle />
            <ThemeToggle />
            <button
              type="button"
              className="btn"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={() => store.getState().setHelpOpen(true)}
            >
              ?
            </button>
          </div>
        </>
      )}
    </header>
  );
}

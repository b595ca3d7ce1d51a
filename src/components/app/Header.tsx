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

/**
 * The scenario's title (what the audience should read first), lessons and the presenter view, the
 * preset picker, the seed, Compare, Share, Export and Record, theme and help; in the presenter view
 * only the title and the way out.
 */
export function Header() {
  const title = useAppStore(selectTitle);
  const store = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  return (
    <header className="header">
      <h1>
        <span className="brand">Cachescope</span> <span className="scenario-title">{title}</span>
      </h1>
      {presenting ? (
        <div className="header-tools">
          <PresentButton />
        </div>
      ) : (
        <div className="header-tools">
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
      )}
    </header>
  );
}

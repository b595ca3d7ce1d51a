import { selectTitle } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { PresetPicker } from '../controls/PresetPicker.tsx';
import { SeedInput } from '../controls/SeedInput.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { ShareButton } from '../share/ShareButton.tsx';

/** The scenario's title (what the audience should read first), the preset picker, Share, theme and help. */
export function Header() {
  const title = useAppStore(selectTitle);
  const store = useAppStoreApi();
  return (
    <header className="header">
      <h1>
        <span className="brand">Cachescope</span> <span className="scenario-title">{title}</span>
      </h1>
      <div className="header-tools">
        <PresetPicker />
        <SeedInput />
        <ShareButton />
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
    </header>
  );
}

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { clip } from '../../scenario/quote.ts';
import { presetTitle } from '../../scenario/presets/catalog.ts';
import { useController } from '../../runtime/controller.ts';
import { DEFAULT_PRESET } from '../../runtime/initialScenario.ts';
import { selectPresetId } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

interface Props {
  /** What failed, for the message: "the stage", "this panel". */
  area: string;
  /** The preset "Reset to preset" opens (the scenario's own, or the default one). */
  presetTitle: string;
  onReset(): void;
  children: ReactNode;
}

interface State {
  error: string | null;
}

/**
 * Catches a rendering error in one part of the page and shows what happened in its place, with a way
 * out: the header and the playback controls are outside it and keep working, the draft and the address
 * bar (which holds the scenario) are kept, and "Reset to preset" reloads a known-good scenario.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: clip(error instanceof Error ? error.message : String(error), 200) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report; the page shows the short form.
    console.warn(`Cachescope: ${this.props.area} failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="crash" role="alert">
        <p>
          Something went wrong while showing {this.props.area}: <q>{this.state.error}</q>. The controls above
          still work, and your edits are kept in the draft and in the address bar.
        </p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            this.setState({ error: null });
            this.props.onReset();
          }}
        >
          Reset to preset “{this.props.presetTitle}”
        </button>
      </div>
    );
  }
}

/** A boundary whose reset loads the scenario's preset (or the default one once the scenario was edited). */
export function Guarded({ area, children }: { area: string; children: ReactNode }) {
  const controller = useController();
  const id = useAppStore(selectPresetId) ?? DEFAULT_PRESET;
  const title = presetTitle(id) ?? id;
  return (
    <ErrorBoundary area={area} presetTitle={title} onReset={() => controller.loadPreset(id)}>
      {children}
    </ErrorBoundary>
  );
}

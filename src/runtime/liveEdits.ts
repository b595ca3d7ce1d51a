import type { Change } from '../engine/types.ts';
import type { AppStore } from '../store/types.ts';
import { KIT_UNAVAILABLE, withSchemaKit } from '../scenario/loadSchemaKit.ts';
import type { RunClient } from './engineClient.ts';

interface LiveEdit {
  value: unknown;
  seq: number;
}

/**
 * A session's live changes on their way to the engine: checked with the schema, coalesced (a slider
 * dragged for a second sends one change per frame, the latest value), and shown in the panel at once
 * (`liveOverlay`) until the engine's list of changes has them.
 */
export class LiveEdits {
  private readonly pending = new Map<string, LiveEdit>();
  /** Edits shown in the panel until the engine's list of changes has them. */
  private readonly shown = new Map<string, LiveEdit>();
  private seq = 0;

  constructor(private readonly store: AppStore) {}

  /** A change of `path` to `value` at the current time, sent with the next `send`. */
  change(path: string, value: unknown): void {
    // The engine's worker takes a change as it comes (worker/trustedChanges.ts): it is checked here,
    // with the schema, fetched on the first change (changes keep their order while it comes).
    withSchemaKit(
      ({ validateChange }) => {
        const check = validateChange(path, value);
        if (!check.ok) {
          this.store.getState().setNotice(`That change could not be made: ${check.message}`);
          return;
        }
        const edit = { value: check.value, seq: ++this.seq };
        this.pending.set(path, edit);
        this.shown.set(path, edit);
        this.store.setState({ liveOverlay: this.overlay() });
      },
      () => this.store.getState().setNotice(`That change could not be made: ${KIT_UNAVAILABLE}.`),
    );
  }

  /** Sends the changes waiting; each stops being shown on its own once the engine has it. */
  send(client: RunClient): void {
    for (const [path, edit] of this.pending) {
      // The reply comes after the update that carries the change: the panel then shows it from the
      // run's list, and the edit can stop being shown on its own (unless a newer one replaced it).
      const settle = (notice?: string) => {
        if (this.shown.get(path)?.seq === edit.seq) this.shown.delete(path);
        this.store.setState({ liveOverlay: this.overlay(), ...(notice ? { notice } : {}) });
      };
      client.call<Change>({ type: 'applyChange', path, value: edit.value }).then(
        () => settle(),
        (e: Error) => settle(`That change could not be made: ${e.message}`),
      );
    }
    this.pending.clear();
  }

  /** The edits shown, as [path, value]: what a new engine must be given again. */
  values(): (readonly [string, unknown])[] {
    return [...this.shown].map(([path, edit]) => [path, edit.value] as const);
  }

  /** Stops showing the edits (the run's changes were replaced); `all` also drops those not yet sent. */
  clear(all: boolean): void {
    if (all) this.pending.clear();
    this.shown.clear();
  }

  private overlay(): Record<string, unknown> {
    return Object.fromEntries([...this.shown].map(([path, edit]) => [path, edit.value]));
  }
}

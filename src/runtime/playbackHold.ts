import type { EngineEvent, PlaybackState } from '../worker/protocol.ts';

type Update = Extract<EngineEvent, { type: 'update' }>;

/**
 * Play, pause and step as the page shows them: from the command until the worker's reply, updates it
 * sent before it took the command carry the play state asked for and wait, then reach the store
 * together. An update from a frame run before the command still says the old state, and would make
 * the Play button (and an embed's host page) see pause, play, pause for one pause.
 */
export class PlaybackHold {
  private wanted: { playing: boolean; seq: number } | null = null;
  private seq = 0;
  private held: Update[] = [];

  /** The engine state to show for `state`: the play state asked for while a command is on its way. */
  shown(state: PlaybackState): PlaybackState {
    return this.wanted ? { ...state, playing: this.wanted.playing } : state;
  }

  /** Holds an update (with the state asked for) while a command is on its way; false when not held. */
  hold(update: Update): boolean {
    if (!this.wanted) return false;
    this.held.push({ ...update, state: this.shown(update.state) });
    return true;
  }

  /**
   * Starts a command; the returned function ends it, handing every held update, in order (each carries
   * part of the series), to `pass`. A later command supersedes an earlier one's ending.
   */
  begin(playing: boolean, pass: (update: Update) => void): () => void {
    const seq = ++this.seq;
    this.wanted = { playing, seq };
    return () => {
      if (this.wanted?.seq !== seq) return;
      this.wanted = null;
      for (const u of this.held.splice(0)) pass(u);
    };
  }

  /** Forgets a command never answered and what it held (a new engine replaced the old one). */
  clear(): void {
    this.wanted = null;
    this.held.length = 0;
  }
}

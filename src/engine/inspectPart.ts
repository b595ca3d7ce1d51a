import type { KeyView } from './flow/types.ts';

/**
 * A mechanism's part of the key inspector, as plain data (the engine holds no React): what its part of
 * a key's view (Mechanism.keyView) means, in words. The inspector (src/components/inspector) draws the
 * notes `above` the key's layers as sentences, those below as a titled list. Each mechanism keeps it in
 * its folder (`inspect.ts`), listed in src/components/inspector/keyNotes.ts.
 */
export interface KeyNote {
  /** Above the layers (a sentence) or below them (a titled list). */
  place: 'above' | 'below';
  text: string;
  /** Drawn in the stale colour (with the words saying why). */
  diverged?: boolean;
  /** For a list below the layers: its items, and the class of the list. */
  items?: readonly string[];
  listClass?: string;
}

export interface MechanismInspect {
  /** The mechanism's name, as in its Mechanism object. */
  name: string;
  /** The notes on one key; none when the mechanism added nothing to its view. */
  keyNotes(view: KeyView): readonly KeyNote[];
}

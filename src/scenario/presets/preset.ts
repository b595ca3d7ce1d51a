import type { FigureId } from '../../labels/figures.ts';
import type { ScenarioInput } from '../schema.ts';

/**
 * A named, ready-to-run scenario for the preset picker, `?preset=<id>` links and `npm run sim -- <id>`.
 * The description is written for a workshop: what to predict and which number proves it.
 */
export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The scenario as a user would write it (defaults left out), title and description included. */
  readonly input: ScenarioInput;
  /**
   * The figures the description tells people to watch, named in it by their on-screen labels; a
   * test checks that the app shows each of them for this scenario.
   */
  readonly watch: readonly FigureId[];
}

type Body = Omit<ScenarioInput, 'title' | 'description'>;

/** Copies the title and description into the scenario so a run's Summary carries them too. */
export function definePreset(
  id: string,
  title: string,
  description: string,
  body: Body,
  watch: readonly FigureId[] = [],
): Preset {
  return { id, title, description, input: { ...body, title, description }, watch };
}

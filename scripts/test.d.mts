/** The parts of `npm test` (scripts/test.mjs): the npm script each runs, and the parts it starts after. */
export interface Part {
  name: string;
  script: string;
  after: readonly string[];
}

export type Status = 'waiting' | 'running' | 'passed' | 'failed' | 'stopped' | 'not run';

export interface PartState {
  status: Status;
  ms: number;
  output: string;
  ended: boolean;
}

export interface Handle {
  done: Promise<{ code: number; output: string }>;
  stop: () => void;
}

export const PARTS: readonly Part[];

export function runParts(
  parts: readonly Part[],
  run: (part: Part) => Handle,
  print: (part: Part, state: PartState) => void,
  now?: () => number,
): Promise<{ state: Map<string, PartState>; ms: number; ok: boolean }>;

export function runScript(part: Part): Handle;

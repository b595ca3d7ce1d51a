import './zodConfig.ts';
import { z } from 'zod';

/**
 * A scenario's workload taken from a cache trace (`workload.trace`, docs/traces.md): the trace is named,
 * never held. The CLI reads the file at `name` (a path, relative to the scenario file); the app names
 * the file that was dropped or picked, whose requests never leave the browser and never enter a link.
 * Null, the default: requests are drawn at Poisson times from the Zipf popularity.
 */

export const traceFormats = ['twitter', 'oracle', 'csv'] as const;

export const traceSchema = z.strictObject({
  /** The trace: a path in the CLI, the file's name in the app. */
  name: z.string().min(1).max(1000),
  /** The trace's format; null: detected from its first bytes. */
  format: z.enum(traceFormats).nullable().default(null),
  /** Trace time per simulated time: 1440 plays a day in a minute (TTLs the trace gives shrink with it). */
  timeScale: z.number().finite().min(0.001).max(1_000_000).default(1),
});

export type TraceSpec = z.output<typeof traceSchema>;

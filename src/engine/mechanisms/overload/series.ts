import type { SeriesField } from '../../../series/field.ts';

/** Overload's fields of the series point: the clients' timeouts, and the retries they sent, in the interval. */
export const OVERLOAD_SERIES = [
  { name: 'timeouts', merge: 'sum' },
  { name: 'retries', merge: 'sum' },
] as const satisfies readonly SeriesField[];

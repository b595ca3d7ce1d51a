/**
 * A field of the time series' points, as the flow and each mechanism declare it: its name, and how two
 * consecutive points merge into one (the engine's coarsening of a long run, the charts' buckets). Plain
 * data and plain functions, no import: the page reads the series through these without the engine.
 *
 * The merge rule also says the field's shape: `sumEach` and `lastEach` are one number per Redis shard,
 * `union` a list of names (the alert rules firing), the others one number.
 */
export type SeriesMerge =
  /** Counted over the interval: summed (a partial bucket's scaled up). */
  | 'sum'
  /** The worst interval of a merged bucket, so a spike stays visible. */
  | 'max'
  /** The fewest (instances up). */
  | 'min'
  /** An instant value: the later point's (the time, a count at the sample instant). */
  | 'last'
  /** Per shard, counted over the interval: summed shard by shard (and scaled). */
  | 'sumEach'
  /** Per shard, at the sample instant: the later point's. */
  | 'lastEach'
  /** Names: the union, first seen first. */
  | 'union';

export interface SeriesField {
  readonly name: string;
  readonly merge: SeriesMerge;
}

type ValueOf<M extends SeriesMerge> = M extends 'sumEach' | 'lastEach'
  ? number[]
  : M extends 'union'
    ? string[]
    : number;

/** The point type a list of fields describes. */
export type PointOf<F extends readonly SeriesField[]> = {
  -readonly [K in F[number] as K['name']]: ValueOf<K['merge']>;
};

/** A field's shape in a table: one column, one per shard, or one text column. */
export type SeriesShape = 'number' | 'perShard' | 'names';

export const shapeOf = (f: SeriesField): SeriesShape =>
  f.merge === 'sumEach' || f.merge === 'lastEach' ? 'perShard' : f.merge === 'union' ? 'names' : 'number';

type Value = number | number[] | string[];
type Row = Record<string, Value>;

/**
 * `fields` in the order `order` lists them; fields it does not list follow, in their own order. Throws
 * when two fields share a name.
 */
export function orderFields<F extends SeriesField>(fields: readonly F[], order: readonly string[]): F[] {
  const names = new Set<string>();
  for (const f of fields) {
    if (names.has(f.name)) throw new Error(`two series fields are named ${f.name}`);
    names.add(f.name);
  }
  const rank = (f: F): number => {
    const i = order.indexOf(f.name);
    return i < 0 ? order.length : i;
  };
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** A point with every field empty (0, or an empty list), its keys in the fields' order. */
export function blankPointOf<P>(fields: readonly SeriesField[]): () => P {
  const names = fields.map((f) => f.name);
  const lists = fields.map((f) => shapeOf(f) !== 'number');
  return () => {
    const p: Row = {};
    for (let i = 0; i < names.length; i++) p[names[i]!] = lists[i] ? [] : 0;
    return p as P;
  };
}

function sumArrays(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(Math.max(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}

function mergeValue(rule: SeriesMerge, a: Value, b: Value): Value {
  switch (rule) {
    case 'sum':
      return (a as number) + (b as number);
    case 'max':
      return Math.max(a as number, b as number);
    case 'min':
      return Math.min(a as number, b as number);
    case 'sumEach':
      return sumArrays(a as number[], b as number[]);
    case 'union':
      return [...new Set([...(a as string[]), ...(b as string[])])];
    default:
      return b;
  }
}

/**
 * Two consecutive points as one covering both intervals, each field by its rule; the result's keys in
 * the later point's order (fields not declared are the later point's). Associative, so merging pairs
 * of pairs gives what merging the four at once gives (the charts' buckets and the engine's coarsened
 * series agree). Neither argument is changed.
 */
export function mergePointsBy<P>(fields: readonly SeriesField[]): (a: P, b: P) => P {
  return (a, b) => {
    const x = a as Row;
    const out: Row = { ...(b as Row) };
    for (const f of fields) if (f.name in out) out[f.name] = mergeValue(f.merge, x[f.name]!, out[f.name]!);
    return out as P;
  };
}

/** Scales a point's counts (`sum` and `sumEach` fields) by `k`: a partial chart bucket drawn as a full one. */
export function scaleCountsBy<P>(fields: readonly SeriesField[]): (p: P, k: number) => P {
  const sums = fields.filter((f) => f.merge === 'sum').map((f) => f.name);
  const each = fields.filter((f) => f.merge === 'sumEach').map((f) => f.name);
  return (p, k) => {
    const out: Row = { ...(p as Row) };
    for (const n of each) if (n in out) out[n] = (out[n] as number[]).map((v) => v * k);
    for (const n of sums) if (n in out) out[n] = (out[n] as number) * k;
    return out as P;
  };
}

/**
 * The time a point covers: `intervalMs`, or less for the last point of a coarsened series while its
 * bucket fills (it ends between two multiples of the interval).
 */
export function pointSpanMs(point: { tMs: number }, intervalMs: number): number {
  return point.tMs % intervalMs || intervalMs;
}

import { random, randomInt } from '../../core/rng.ts';
import { storeSet } from '../../redis/shardStore.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { OP_SET, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { JOB_READ } from '../../flow/jobs.ts';
import { jobKind } from '../../flow/kinds.ts';
import type { Mechanism, ModelEnv } from '../../flow/mechanism.ts';
import { entryBytesOf } from '../../flow/redisCore.ts';
import { sendSet } from '../../flow/redisSend.ts';
import { fillL1, respond } from '../../flow/reply.ts';
import { bloomFpRate, bloomHas, bloomOfKeys, type Bloom } from './bloom.ts';

/**
 * Reads of keys that do not exist, and two defences (`cache.negative.mode`). A share of reads
 * (`workload.absent.share`) asks for a key with no row in the database, drawn uniformly from
 * `workload.absent.keys` such keys (numbered after the workload's). Cache-aside has nothing to store for
 * them, so each one misses every cache and reads the database: "cache penetration", which a flood of
 * made-up ids turns into an outage.
 * - `ttl`: the app caches the absence like a value, with its own, shorter TTL (`cache.negative.ttlMs`).
 * - `bloom`: the app keeps a Bloom filter of the keys that exist (`bloomBits` m, `bloomHashes` k) and
 *   answers at once a read the filter rules out, before any cache; a false positive, with probability
 *   about (1 - e^(-kn/m))^k, goes on to miss and read the database.
 */

/** A read of a key with no row, on its way to the database: answered without filling a cache unless `ttl`. */
export const JOB_ABSENT_READ = jobKind('negativeCache.absentRead');

export interface NegativeModel {
  mode: Scenario['cache']['negative']['mode'];
  share: number;
  /** Absent keys are rowKeys .. rowKeys + absentKeys - 1. */
  rowKeys: number;
  absentKeys: number;
  ttlMs: number;
  /** The filter of existing keys under `bloom` (null otherwise). */
  bloom: Bloom | null;
}

export interface NegativeState {
  /** Reads turned into reads of an absent key. */
  lookups: number;
  /** Of them: read from the database, ruled out by the filter, let through by it (false positives). */
  dbReads: number;
  bloomRejects: number;
  bloomPasses: number;
}

const absentKeysOf = (scenario: Scenario): number =>
  scenario.workload.absent.share > 0 ? scenario.workload.absent.keys : 0;

function negativeModel(scenario: Scenario, env: ModelEnv): NegativeModel | null {
  const absentKeys = absentKeysOf(scenario);
  if (absentKeys === 0) return null;
  const neg = scenario.cache.negative;
  const rowKeys = env.keyCount - absentKeys;
  let bloom: Bloom | null = null;
  if (neg.mode === 'bloom') {
    // Built once per size: a live switch back and forth rebuilds nothing.
    const id = `negativeCache.bloom:${neg.bloomBits}:${neg.bloomHashes}:${rowKeys}`;
    bloom = (env.shared.get(id) as Bloom | undefined) ?? bloomOfKeys(neg.bloomBits, neg.bloomHashes, rowKeys);
    env.shared.set(id, bloom);
  }
  return {
    mode: neg.mode,
    share: scenario.workload.absent.share,
    rowKeys,
    absentKeys,
    ttlMs: neg.ttlMs,
    bloom,
  };
}

const modelOf = (c: Ctx): NegativeModel => c.m.mech.negativeCache as NegativeModel;
const stateOf = (c: Ctx): NegativeState => c.s.mech.negativeCache as NegativeState;

/** A client's first try of a read: with probability `share`, it asks for an absent key instead. */
function drawAbsent(c: Ctx, job: number): boolean {
  const j = c.s.jobs;
  if (j.kind[job] !== JOB_READ || j.attempt[job] !== 0) return false;
  const neg = modelOf(c);
  if (random(c.s.rng) >= neg.share) return false;
  j.key[job] = neg.rowKeys + randomInt(c.s.rng, neg.absentKeys);
  stateOf(c).lookups++;
  return false;
}

/** `bloom`: a read the filter rules out is answered at once ("no such row"), in the app. */
function filter(c: Ctx, job: number): boolean {
  const neg = modelOf(c);
  const key = c.s.jobs.key[job]!;
  if (bloomHas(neg.bloom!, key)) {
    if (key >= neg.rowKeys) stateOf(c).bloomPasses++;
    return false;
  }
  stateOf(c).bloomRejects++;
  respond(c, job, 0, 'l1-hit');
  return true;
}

/** A read of an absent key missed every cache: it reads the database as its own kind. */
function onMiss(c: Ctx, job: number): boolean {
  if (c.s.jobs.key[job]! < modelOf(c).rowKeys) return false;
  c.s.jobs.kind[job] = JOB_ABSENT_READ;
  sendToDb(c, job);
  return true;
}

/** The database said "no such row": under `ttl` the absence is cached (L1, and Redis with its own TTL). */
function onAbsentFetched(c: Ctx, job: number, version: number): void {
  const j = c.s.jobs;
  stateOf(c).dbReads++;
  const neg = c.m.mech.negativeCache as NegativeModel | null;
  if (neg !== null && neg.mode === 'ttl') {
    fillL1(c, j.instance[job]!, j.key[job]!, version);
    sendSet(c, j.key[job]!, j.instance[job]!, version);
  }
  respond(c, job, version, 'db');
}

/** `ttl`: the SET of an absence is stored with the negative TTL, in place of the flow's. */
function storeAbsence(c: Ctx, job: number, op: number, shardIx: number, doneAt: number): boolean {
  const s = c.s;
  const key = s.jobs.key[job]!;
  if (op !== OP_SET || key < modelOf(c).rowKeys) return false;
  const start = doneAt - c.m.scenario.cache.l2.serviceMs;
  const store = s.shards[shardIx]!.store;
  storeSet(store, key, s.jobs.version[job]!, start + modelOf(c).ttlMs, start, s.rng, entryBytesOf(c.m, key));
  return true;
}

/** Absent-key reads and what became of them; the filter's measured and expected false-positive rates. */
export interface NegativeSummary {
  lookups: number;
  dbReads: number;
  bloomRejects: number;
  bloomFalsePositives: number;
  measuredFpRate: number;
  expectedFpRate: number;
}

function summary(c: Ctx): { negativeCache?: NegativeSummary } {
  const neg = c.m.mech.negativeCache as NegativeModel | null;
  const x = stateOf(c);
  if (neg === null) return {};
  const tested = x.bloomRejects + x.bloomPasses;
  return {
    negativeCache: {
      lookups: x.lookups,
      dbReads: x.dbReads,
      bloomRejects: x.bloomRejects,
      bloomFalsePositives: x.bloomPasses,
      measuredFpRate: tested > 0 ? x.bloomPasses / tested : 0,
      expectedFpRate: neg.bloom === null ? 0 : bloomFpRate(neg.bloom.m, neg.bloom.k, neg.bloom.n),
    },
  };
}

export const negativeCache: Mechanism<
  NegativeModel | null,
  NegativeState,
  { negativeCache?: NegativeSummary }
> = {
  name: 'negativeCache',
  reads: ['workload.absent', 'cache.negative', 'cache.l2.serviceMs'],
  keys: absentKeysOf,
  model: negativeModel,
  // No reconcile: its state is four counts; `cache.negative.mode` and `ttlMs` are the model's (the
  // Bloom filter with it), and an absence already cached keeps the TTL it was stored with, as in Redis.
  state: () => ({ lookups: 0, dbReads: 0, bloomRejects: 0, bloomPasses: 0 }),
  hooks: (neg) => {
    if (neg === null) return {};
    return {
      arrive: drawAbsent,
      l2Miss: onMiss,
      ...(neg.mode === 'bloom' ? { read: filter } : {}),
      ...(neg.mode === 'ttl' ? { redisCommand: storeAbsence } : {}),
    };
  },
  jobs: [{ kind: JOB_ABSENT_READ, client: true, dbReply: onAbsentFetched }],
  summary,
};

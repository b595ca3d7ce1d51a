import { schedule } from '../../core/eventQueue.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { copiesOf } from '../../flow/addressing.ts';
import { OP_GET, type Ctx } from '../../flow/context.ts';
import { sendToDb } from '../../flow/dbFlow.ts';
import { JOB_READ } from '../../flow/jobs.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { Model } from '../../flow/model.ts';
import { sendGet } from '../../flow/redisSend.ts';
import { slotOf } from '../../redis/shardStore.ts';
import {
  EV_LEASE_RETRY,
  EV_LEASE_SET,
  JOB_LEASE_HOLDER,
  JOB_LEASE_SET,
  onHolderFetched,
  onLeaseSet,
  voidLease,
} from './protocol.ts';
import { leaseState, type LeaseModel, type LeaseState } from './state.ts';

/**
 * Leases, as memcache uses them at Facebook (Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013,
 * section 3.2.1). A GET that misses hands its client a lease token for the key; only the holder of the
 * key's token may fill it, and a delete (or any other write of the key) voids the token, so a fill of a
 * value read before a concurrent update is refused instead of caching stale data for a TTL (the stale
 * set). While a key's lease is out, other clients that miss it are told to wait and read again a little
 * later (`waitMs`) instead of going to the database (the thundering herd); a lease lapses after
 * `leaseTtlMs`, so a holder that never fills blocks no one for ever.
 *
 * The token is decided on the shard, in the GET's turn of its single thread, and travels back with the
 * miss: the job's `version` carries it (a read carries no version until it answers): a token > 0 for the
 * holder, -1 for "wait". The holder's fill is its own SET command (protocol.ts), checked against the
 * key's token when it runs.
 *
 * Leases cover keys with a row in the database (the absence of a key is negative caching's business), not
 * the copies of replicated hot keys, and act when no stampede mitigation that takes misses (single-flight
 * or lock) is on: those answer the same herd their own way.
 */

function leaseModel(scenario: Scenario): LeaseModel | null {
  const { leases, strategy, stampede } = scenario.cache;
  if (!leases.enabled || strategy === 'none') return null;
  if (stampede.mode === 'single-flight' || stampede.mode === 'lock') return null;
  return { waitMs: leases.waitMs, leaseTtlMs: leases.leaseTtlMs };
}

const modelOf = (c: Ctx): LeaseModel => c.m.mech.leases as LeaseModel;

/** Whether a key takes part: it has a row, and no copies. */
const leased = (m: Model, key: number): boolean => key < m.rowKeys && copiesOf(m, key) === 0;

/**
 * A command runs on its shard. A client read's GET that will miss gets the key's lease, or is told to
 * wait; a DEL or a SET of the flow voids the key's lease. Never takes the command: the flow goes on.
 */
function onCommand(c: Ctx, job: number, op: number, shardIx: number, doneAt: number): boolean {
  const s = c.s;
  const key = s.jobs.key[job]!;
  if (!leased(c.m, key)) return false;
  if (op !== OP_GET) {
    voidLease(c, shardIx, key); // OP_DEL, or OP_SET: the key changed under any outstanding token
    return false;
  }
  if (s.jobs.kind[job] !== JOB_READ) return false;
  const store = s.shards[shardIx]!.store;
  const start = doneAt - c.m.scenario.cache.l2.serviceMs;
  const slot = slotOf(store, key);
  if (slot >= 0 && start < store.expires[slot]!) return false; // a hit: no lease
  const x = leaseState(c);
  const tokens = x.tokens[shardIx]!;
  const until = x.expiries[shardIx]!.get(key);
  if (until !== undefined && start < until) {
    s.jobs.version[job] = -1; // another client holds the lease: wait
    return false;
  }
  const token = ++x.lastToken;
  tokens.set(key, token);
  x.expiries[shardIx]!.set(key, start + modelOf(c).leaseTtlMs);
  x.granted++;
  s.jobs.version[job] = token;
  return false;
}

/** A read missed Redis: the holder of a lease reads the database; a client told to wait sleeps. */
function onMiss(c: Ctx, job: number): boolean {
  const j = c.s.jobs;
  const decision = j.version[job]!;
  if (decision === 0) return false; // no lease was asked for (a copy, an error, a key with no row)
  if (decision > 0) {
    j.kind[job] = JOB_LEASE_HOLDER;
    sendToDb(c, job);
    return true;
  }
  j.version[job] = 0;
  leaseState(c).waits++;
  schedule(c.s.queue, c.s.now + modelOf(c).waitMs, EV_LEASE_RETRY, job, 0);
  return true;
}

/** A client told to wait reads the cache again. */
function onRetry(c: Ctx, job: number): void {
  sendGet(c, job);
}

/** A shard restarts or crashes empty: the leases it held are gone with its memory. */
function onFailure(c: Ctx): void {
  const x = leaseState(c);
  c.s.shards.forEach((shard, i) => {
    if (shard.up) return;
    x.tokens[i]!.clear();
    x.expiries[i]!.clear();
  });
}

/**
 * A live change switched leases off: the shards forget their outstanding leases. While leases are off a
 * DEL no longer voids a token (no hook sees it), so a token kept would let a holder's late fill of data
 * older than that DEL land after all, the stale set leases exist to stop; forgotten, such a fill is
 * refused like a voided one, and leases switched on again start from an empty table. A change of
 * `waitMs` or `leaseTtlMs` needs nothing: the leases out keep the expiry they were granted with.
 */
function reconcile(c: Ctx, before: Model): void {
  if (before.mech.leases === null || c.m.mech.leases !== null) return;
  const x = leaseState(c);
  for (const t of x.tokens) t.clear();
  for (const e of x.expiries) e.clear();
}

/** Leases granted, fills refused because their token was voided (or had lapsed), and waits told. */
export interface LeaseSummary {
  granted: number;
  fills: number;
  refusedFills: number;
  voided: number;
  waits: number;
}

function summary(c: Ctx): { leases?: LeaseSummary } {
  const x = leaseState(c);
  if (!c.m.scenario.cache.leases.enabled && x.granted === 0) return {};
  return {
    leases: { granted: x.granted, fills: x.fills, refusedFills: x.refused, voided: x.voided, waits: x.waits },
  };
}

export const leases: Mechanism<LeaseModel | null, LeaseState, { leases?: LeaseSummary }> = {
  name: 'leases',
  reads: [
    'cache.leases',
    'cache.strategy',
    'cache.stampede.mode',
    'cache.l2',
    'database.readMs',
    'topology.redisShards',
  ],
  model: (scenario) => leaseModel(scenario),
  state: (m) => ({
    tokens: Array.from({ length: m.scenario.topology.redisShards }, () => new Map<number, number>()),
    expiries: Array.from({ length: m.scenario.topology.redisShards }, () => new Map<number, number>()),
    lastToken: 0,
    granted: 0,
    fills: 0,
    refused: 0,
    voided: 0,
    waits: 0,
  }),
  hooks: (on) => (on === null ? {} : { redisCommand: onCommand, l2Miss: onMiss, failure: onFailure }),
  reconcile,
  events: [
    [EV_LEASE_RETRY, onRetry],
    [EV_LEASE_SET, onLeaseSet],
  ],
  jobs: [
    { kind: JOB_LEASE_HOLDER, client: true, awaitsRedis: true, dbReply: onHolderFetched },
    { kind: JOB_LEASE_SET },
  ],
  summary,
};

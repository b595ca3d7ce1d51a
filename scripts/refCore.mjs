// The yardstick for `npm run bench`: a minimal discrete-event core of the same model as the engine's
// baseline, written as lean as we know how, so "the engine reaches 0.7 of it" means something.
//
// Model: open-loop Poisson clients; a round-robin load balancer over app instances; per instance an L1
// (TTL + exact LRU); Redis shards as single-threaded FIFO queues (a key's shard from CRC16-XMODEM of its
// name `key:<rank>` mod 16384, slot ranges as redis-cli assigns them), lazy expiry; a database with c
// pooled connections and a FIFO wait queue, exponential service times; Zipf key popularity (Walker alias
// table); cache-aside (read: L1, then Redis, then the database and SET + L1 fill; write: the database,
// then DEL + L1 delete). Network: a fixed one-way latency per hop plus an exponential jitter on every
// instance <-> Redis and instance <-> database hop; the client hop is added, not simulated, as the
// engine does. Measured like the engine's Summary: hits and misses per layer, database reads and writes,
// stale reads, latency mean and p99 (a 128-per-octave log histogram).
//
// How it stays lean: all state in typed arrays indexed by integers (jobs, keys, L1 slots), one binary
// heap whose entries are (time, packed job and event type) moved in place, no object per event or
// request, shard of every key computed once from its name's bytes without building strings, the RNG
// (sfc32) in four local integers. Its samplers are the textbook ones: an exponential is one logarithm
// (inverse transform), a key is one draw from a single Walker alias table (the engine uses a ziggurat and a
// cache-sized table for the most popular keys; with the same seed the two draw different streams of the
// same distributions). Deliberately left out: everything the baseline leaves unused (eviction,
// mitigations, failures) and the figures beyond those above that the engine keeps (active expiry and
// per-shard memory, the series, monitoring).
//
// `node scripts/refCore.mjs` runs it alone and prints its figures.

import { performance } from 'node:perf_hooks';

const EV_ARRIVAL = 0;
const EV_REDIS_ARRIVE = 1;
const EV_REDIS_REPLY = 2;
const EV_DB_ARRIVE = 3;
const EV_DB_DONE = 4;
const EV_DB_REPLY = 5;

const K_READ = 0;
const K_WRITE = 1;
const K_SET = 2;
const K_DEL = 3;

const SUB_BITS = 7;
const MIN_EXP = -14;
const MAX_EXP = 27;
const BUCKETS = (MAX_EXP - MIN_EXP) << SUB_BITS;

/** The model's parameters from a parsed scenario (the baseline preset in `npm run bench`). */
export function paramsFromScenario(scenario, durationMs) {
  const { workload, topology, cache, database, network } = scenario;
  // What this core leaves out must be off, or the comparison would be of different work.
  const unsupported = [
    cache.strategy !== 'cache-aside' && 'a strategy other than cache-aside',
    !(cache.l1.enabled && cache.l1.maxKeys !== null) && 'no L1 or an unbounded one',
    (cache.l2.maxKeys !== null || cache.l2.maxMemoryBytes) && 'a Redis memory limit',
    cache.l2.ttlReset && 'sliding TTLs',
    (workload.families.length > 0 || workload.hotKey !== null || workload.phases.length > 0) &&
      'families, a hot key or phases',
    (topology.cdn || topology.loadBalancer !== 'round-robin' || database.serviceTime !== 'exponential') &&
      'a CDN, a random load balancer or constant service times',
    (cache.stampede.mode !== 'none' ||
      cache.l1.coalesce ||
      cache.hotKeys.replicas > 1 ||
      cache.l2.ttlJitter > 0 ||
      cache.warming.enabled) &&
      'stampede or hot-key mitigations',
    (scenario.failures.length > 0 || database.queryCache.enabled) && 'failures or a query cache',
  ].filter(Boolean);
  if (unsupported.length > 0) throw new Error(`refCore does not model ${unsupported.join(', ')}`);
  return {
    durationMs,
    seed: scenario.seed,
    rps: workload.rps,
    readRatio: workload.readRatio,
    keys: workload.keys,
    zipf: workload.zipf,
    instances: topology.instances,
    shards: topology.redisShards,
    l1TtlMs: cache.l1.ttlMs ?? Infinity,
    l1MaxKeys: cache.l1.maxKeys,
    l2TtlMs: cache.l2.ttlMs ?? Infinity,
    l2ServiceMs: cache.l2.serviceMs,
    connections: database.connections,
    readMs: database.readMs,
    writeMs: database.writeMs,
    clientMs: network.clientMs,
    redisMs: network.redisMs,
    dbMs: network.dbMs,
    jitterMs: network.jitterMs,
  };
}

const CRC_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    t[i] = crc;
  }
  return t;
})();

/** Shard of every key `key:<rank>`: CRC16 over the name's ASCII bytes, slot ranges as redis-cli's. */
function shardTable(keys, shards) {
  const slotShard = new Uint8Array(16384);
  const f = Math.fround;
  const perNode = f(16384 / shards);
  let first = 0;
  let cursor = 0;
  for (let i = 0; i < shards; i++) {
    let last = Math.round(f(f(cursor + perNode) - 1));
    if (last > 16384 || i === shards - 1) last = 16383;
    if (last < first) last = first;
    slotShard.fill(i, first, last + 1);
    first = last + 1;
    cursor = f(cursor + perNode);
  }
  const crc = (c, byte) => ((c << 8) & 0xffff) ^ CRC_TABLE[((c >>> 8) ^ byte) & 0xff];
  let prefix = 0;
  for (const ch of 'key:') prefix = crc(prefix, ch.charCodeAt(0));
  const out = new Uint8Array(keys);
  const digits = new Uint8Array(12);
  for (let k = 0; k < keys; k++) {
    let n = 0;
    let x = k;
    do {
      digits[n++] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
    let c = prefix;
    while (n > 0) c = crc(c, digits[--n]);
    out[k] = slotShard[c & 0x3fff];
  }
  return out;
}

/** Walker's alias table over Zipf(s) on n ranks, as (32-bit coin threshold, alias) pairs. */
function zipfAlias(n, s) {
  const p = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += p[i] = 1 / Math.pow(i + 1, s);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    p[i] = (p[i] / total) * n;
    if (p[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  const table = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    table[2 * i] = 4294967295;
    table[2 * i + 1] = i;
  }
  while (ns > 0 && nl > 0) {
    const sm = small[--ns];
    const lg = large[--nl];
    table[2 * sm] = Math.floor(p[sm] * 4294967296);
    table[2 * sm + 1] = lg;
    p[lg] += p[sm] - 1;
    if (p[lg] < 1) small[ns++] = lg;
    else large[nl++] = lg;
  }
  return table;
}

/**
 * Runs the model for `p.durationMs` of simulated time and returns its figures.
 *
 * @example
 * runRefCore(paramsFromScenario(getPreset('baseline'), 60_000)).l2HitRatio; // ~0.6
 */
export function runRefCore(p) {
  // sfc32 seeded by splitmix32, as the engine's RNG is.
  let ra = 0;
  let rb = 0;
  let rc = 0;
  let rd = 0;
  {
    let x = p.seed >>> 0;
    const w = [];
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      w.push((z ^ (z >>> 16)) | 0);
    }
    [ra, rb, rc, rd] = w;
  }
  const next32 = () => {
    const t = (((ra + rb) | 0) + rd) | 0;
    rd = (rd + 1) | 0;
    ra = rb ^ (rb >>> 9);
    rb = (rc + (rc << 3)) | 0;
    rc = (((rc << 21) | (rc >>> 11)) + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  const uniform = () => next32() / 4294967296;
  const expo = (mean) => -mean * Math.log(1 - uniform());

  const { keys, instances, connections, l1TtlMs, l2TtlMs, l2ServiceMs, clientMs } = p;
  const arrivalMean = 1000 / p.rps;
  const redisHop = () => p.redisMs + expo(p.jitterMs);
  const dbHop = () => p.dbMs + expo(p.jitterMs);
  const alias = zipfAlias(keys, p.zipf);
  const shardOf = shardTable(keys, p.shards);

  // Event heap: entries (time, job << 3 | type) kept in two parallel arrays and moved in place.
  let hTime = new Float64Array(1024);
  let hEv = new Int32Array(1024);
  let hSize = 0;
  const push = (t, ev) => {
    if (hSize === hTime.length) {
      const t2 = new Float64Array(hSize * 2);
      const e2 = new Int32Array(hSize * 2);
      t2.set(hTime);
      e2.set(hEv);
      hTime = t2;
      hEv = e2;
    }
    let i = hSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hTime[parent] <= t) break;
      hTime[i] = hTime[parent];
      hEv[i] = hEv[parent];
      i = parent;
    }
    hTime[i] = t;
    hEv[i] = ev;
  };
  // Removes the root; the caller has read hTime[0] and hEv[0].
  const pop = () => {
    const n = --hSize;
    const t = hTime[n];
    const ev = hEv[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && hTime[c + 1] < hTime[c]) c++;
      if (hTime[c] >= t) break;
      hTime[i] = hTime[c];
      hEv[i] = hEv[c];
      i = c;
    }
    hTime[i] = t;
    hEv[i] = ev;
  };

  // Jobs: requests and background SET/DEL commands, struct of arrays with a free list.
  let jCap = 1024;
  let jKind = new Uint8Array(jCap);
  let jKey = new Int32Array(jCap);
  let jInst = new Int32Array(jCap);
  let jStart = new Float64Array(jCap);
  let jVersion = new Float64Array(jCap);
  let jFree = new Int32Array(jCap);
  let jFreeN = 0;
  let jUsed = 0;
  const alloc = (kind, key, inst, start) => {
    let id;
    if (jFreeN > 0) id = jFree[--jFreeN];
    else {
      if (jUsed === jCap) {
        jCap *= 2;
        const widen = (a) => {
          const b = new a.constructor(jCap);
          b.set(a);
          return b;
        };
        jKind = widen(jKind);
        jKey = widen(jKey);
        jInst = widen(jInst);
        jStart = widen(jStart);
        jVersion = widen(jVersion);
        jFree = widen(jFree);
      }
      id = jUsed++;
    }
    jKind[id] = kind;
    jKey[id] = key;
    jInst[id] = inst;
    jStart[id] = start;
    return id;
  };
  const free = (id) => {
    jFree[jFreeN++] = id;
  };

  // L1: per instance `cap` slots with exact LRU as a doubly linked list; a key-indexed slot table.
  const cap = p.l1MaxKeys;
  const l1Slot = new Int32Array(instances * keys).fill(-1);
  const l1Key = new Int32Array(instances * cap);
  const l1Version = new Float64Array(instances * cap);
  const l1Expires = new Float64Array(instances * cap);
  const l1Prev = new Int32Array(instances * cap);
  const l1Next = new Int32Array(instances * cap);
  const l1Head = new Int32Array(instances).fill(-1);
  const l1Tail = new Int32Array(instances).fill(-1);
  const l1Size = new Int32Array(instances);
  const unlink = (inst, s) => {
    const pr = l1Prev[s];
    const nx = l1Next[s];
    if (pr < 0) l1Head[inst] = nx;
    else l1Next[pr] = nx;
    if (nx < 0) l1Tail[inst] = pr;
    else l1Prev[nx] = pr;
  };
  const pushFront = (inst, s) => {
    const h = l1Head[inst];
    l1Prev[s] = -1;
    l1Next[s] = h;
    if (h >= 0) l1Prev[h] = s;
    else l1Tail[inst] = s;
    l1Head[inst] = s;
  };
  // Removing a slot moves the instance's last slot into it, so slots stay dense and need no free list.
  const l1Remove = (inst, s) => {
    unlink(inst, s);
    l1Slot[inst * keys + l1Key[s]] = -1;
    const last = inst * cap + --l1Size[inst];
    if (s === last) return;
    const k = l1Key[last];
    l1Key[s] = k;
    l1Version[s] = l1Version[last];
    l1Expires[s] = l1Expires[last];
    const pr = l1Prev[last];
    const nx = l1Next[last];
    l1Prev[s] = pr;
    l1Next[s] = nx;
    if (pr < 0) l1Head[inst] = s;
    else l1Next[pr] = s;
    if (nx < 0) l1Tail[inst] = s;
    else l1Prev[nx] = s;
    l1Slot[inst * keys + k] = s;
  };
  const l1Get = (inst, key, now) => {
    const s = l1Slot[inst * keys + key];
    if (s < 0) return -1;
    if (now >= l1Expires[s]) {
      l1Remove(inst, s);
      return -1;
    }
    if (l1Head[inst] !== s) {
      unlink(inst, s);
      pushFront(inst, s);
    }
    return l1Version[s];
  };
  const l1Set = (inst, key, version, expiresAt) => {
    let s = l1Slot[inst * keys + key];
    if (s >= 0) unlink(inst, s);
    else {
      if (l1Size[inst] === cap) l1Remove(inst, l1Tail[inst]);
      s = inst * cap + l1Size[inst]++;
      l1Key[s] = key;
      l1Slot[inst * keys + key] = s;
    }
    l1Version[s] = version;
    l1Expires[s] = expiresAt;
    pushFront(inst, s);
  };

  // Redis: each key lives on one shard, so its entry is a key-indexed (version, expiry); -Infinity: absent.
  const l2Version = new Float64Array(keys);
  const l2Expires = new Float64Array(keys).fill(-Infinity);
  const shardBusy = new Float64Array(p.shards);
  const shardOps = new Float64Array(p.shards);

  // Database: versions per key and when they last changed; c connections and a FIFO ring of waiters.
  const dbVersion = new Float64Array(keys);
  let dbInUse = 0;
  let waitQ = new Int32Array(256);
  let waitHead = 0;
  let waitLen = 0;

  const hist = new Float64Array(BUCKETS + 1);
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  // Doubles that change per event live in typed arrays or locals: a closure's `let` would box each write.
  const acc = new Float64Array(1); // latency sum
  let requests = 0;
  let reads = 0;
  let writes = 0;
  let l1Hits = 0;
  let l1Misses = 0;
  let l2Hits = 0;
  let l2Misses = 0;
  let dbReads = 0;
  let dbWrites = 0;
  let staleReads = 0;
  let events = 0;
  let rr = 0;

  const respond = (job, version, now) => {
    const kind = jKind[job];
    if (kind === K_READ) {
      reads++;
      if (version < dbVersion[jKey[job]]) staleReads++;
    } else writes++;
    requests++;
    const ms = now + clientMs - jStart[job];
    acc[0] += ms;
    f64[0] = ms;
    const e = (u32[1] >>> 20) - 1023;
    hist[
      ms <= 0
        ? 0
        : e < MIN_EXP
          ? 1
          : e >= MAX_EXP
            ? BUCKETS
            : 1 + ((e - MIN_EXP) << SUB_BITS) + ((u32[1] >>> 13) & 127)
    ]++;
    free(job);
  };
  const toRedis = (job, now) => push(now + redisHop(), (job << 3) | EV_REDIS_ARRIVE);
  const toDb = (job, now) => push(now + dbHop(), (job << 3) | EV_DB_ARRIVE);
  const startQuery = (job, now) => {
    dbInUse++;
    push(now + expo(jKind[job] === K_WRITE ? p.writeMs : p.readMs), (job << 3) | EV_DB_DONE);
  };

  push(expo(arrivalMean), EV_ARRIVAL);
  const end = p.durationMs;
  while (hSize > 0 && hTime[0] <= end) {
    const now = hTime[0];
    const ev = hEv[0];
    pop();
    events++;
    const job = ev >> 3;
    switch (ev & 7) {
      case EV_ARRIVAL: {
        push(now + expo(arrivalMean), EV_ARRIVAL);
        const isRead = uniform() < p.readRatio;
        const i = Math.floor(uniform() * keys);
        const key = next32() < alias[2 * i] ? i : alias[2 * i + 1];
        const inst = rr;
        rr = rr + 1 === instances ? 0 : rr + 1;
        const id = alloc(isRead ? K_READ : K_WRITE, key, inst, now - clientMs);
        if (!isRead) toDb(id, now);
        else {
          const v = l1Get(inst, key, now);
          if (v >= 0) {
            l1Hits++;
            respond(id, v, now);
          } else {
            l1Misses++;
            toRedis(id, now);
          }
        }
        break;
      }
      case EV_REDIS_ARRIVE: {
        const key = jKey[job];
        const shard = shardOf[key];
        const start = shardBusy[shard] > now ? shardBusy[shard] : now;
        const done = start + l2ServiceMs;
        shardBusy[shard] = done;
        shardOps[shard]++;
        const kind = jKind[job];
        if (kind === K_READ) {
          jVersion[job] = start < l2Expires[key] ? l2Version[key] : -1;
          push(done + redisHop(), (job << 3) | EV_REDIS_REPLY);
        } else {
          if (kind === K_SET) {
            l2Version[key] = jVersion[job];
            l2Expires[key] = start + l2TtlMs;
          } else l2Expires[key] = -Infinity;
          free(job);
        }
        break;
      }
      case EV_REDIS_REPLY: {
        const v = jVersion[job];
        if (v >= 0) {
          l2Hits++;
          l1Set(jInst[job], jKey[job], v, now + l1TtlMs);
          respond(job, v, now);
        } else {
          l2Misses++;
          toDb(job, now);
        }
        break;
      }
      case EV_DB_ARRIVE:
        if (dbInUse < connections) startQuery(job, now);
        else {
          if (waitLen === waitQ.length) {
            const bigger = new Int32Array(waitLen * 2);
            for (let i = 0; i < waitLen; i++) bigger[i] = waitQ[(waitHead + i) % waitLen];
            waitQ = bigger;
            waitHead = 0;
          }
          waitQ[(waitHead + waitLen) % waitQ.length] = job;
          waitLen++;
        }
        break;
      case EV_DB_DONE: {
        dbInUse--;
        const key = jKey[job];
        if (jKind[job] === K_WRITE) {
          dbVersion[key]++;
          dbWrites++;
        } else dbReads++;
        jVersion[job] = dbVersion[key];
        if (waitLen > 0) {
          const next = waitQ[waitHead];
          waitHead = waitHead + 1 === waitQ.length ? 0 : waitHead + 1;
          waitLen--;
          startQuery(next, now);
        }
        push(now + dbHop(), (job << 3) | EV_DB_REPLY);
        break;
      }
      case EV_DB_REPLY: {
        const key = jKey[job];
        const inst = jInst[job];
        const v = jVersion[job];
        if (jKind[job] === K_WRITE) {
          toRedis(alloc(K_DEL, key, inst, now), now);
          const s = l1Slot[inst * keys + key];
          if (s >= 0) l1Remove(inst, s);
        } else {
          const set = alloc(K_SET, key, inst, now);
          jVersion[set] = v;
          toRedis(set, now);
          l1Set(inst, key, v, now + l1TtlMs);
        }
        respond(job, v, now);
        break;
      }
    }
  }

  let rank = Math.max(1, Math.ceil(0.99 * requests));
  let b = 0;
  while (b < BUCKETS && rank > hist[b]) rank -= hist[b++];
  const j = b - 1;
  const p99 = b === 0 ? 0 : 2 ** (MIN_EXP + (j >> SUB_BITS)) * (1 + ((j & 127) + 0.5) / 128);
  const ratio = (h, m) => (h + m > 0 ? h / (h + m) : 0);
  return {
    requests,
    reads,
    writes,
    events,
    l1HitRatio: ratio(l1Hits, l1Misses),
    l2HitRatio: ratio(l2Hits, l2Misses),
    dbReads,
    dbWrites,
    staleReads,
    meanLatencyMs: requests > 0 ? acc[0] / requests : 0,
    p99LatencyMs: p99,
    shardOps: Array.from(shardOps),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Standalone: the baseline preset's parameters (with the scenario format's defaults filled in).
  const durationMs = Number(process.argv[2] ?? 600_000);
  const t0 = performance.now();
  const r = runRefCore({
    durationMs,
    seed: 42,
    rps: 1000,
    readRatio: 0.95,
    keys: 100_000,
    zipf: 0.99,
    instances: 4,
    shards: 3,
    l1TtlMs: 1000,
    l1MaxKeys: 1000,
    l2TtlMs: 60_000,
    l2ServiceMs: 0.02,
    connections: 10,
    readMs: 5,
    writeMs: 10,
    clientMs: 1,
    redisMs: 0.25,
    dbMs: 0.5,
    jitterMs: 0.05,
  });
  const wall = performance.now() - t0;
  console.log({ ...r, wallMs: Math.round(wall), requestsPerSec: Math.round(r.requests / (wall / 1000)) });
}

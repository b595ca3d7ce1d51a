import { useInForce } from './inForce.ts';
import type { NodeBox } from '../../render/layout.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatCount, formatDuration } from '../format.ts';
import { Gauge } from './Gauge.tsx';
import { FIGURES } from '../../labels/figures.ts';
import { shardName, shardShort } from '../../labels/names.ts';
import { NodeCard, ShortName, type NodeTone } from './NodeCard.tsx';
import { useFitLevel } from './useFitLevel.ts';
import { StaleServedBadge, staleServedText } from './StaleServedBadge.tsx';
import { useSelectNode } from './useSelectNode.ts';
import { HOT_FACTOR, HOT_QUEUE } from './useShardState.ts';

/**
 * Where the hottest key lives: its TTL counting down, and a warning once it has expired (the moment a
 * stampede starts when nothing protects the database).
 */
export function HotKeyBadge({
  ttlLeftMs,
  cached,
  short,
}: {
  ttlLeftMs: number | null;
  cached: boolean;
  short: boolean;
}) {
  if (!cached)
    return (
      <span
        className="badge expired"
        title="The workload's hottest key is not in Redis: expired, evicted or not yet read, so its reads miss"
      >
        {short ? 'key: miss' : 'hot key: miss'}
      </span>
    );
  const left =
    ttlLeftMs === null ? null : formatDuration(short ? Math.round(ttlLeftMs / 1000) * 1000 : ttlLeftMs);
  const title =
    left === null
      ? "The workload's hottest key is cached on this shard with no TTL: it does not expire"
      : `The workload's hottest key is cached on this shard and expires from Redis in ${left} (the TTL it has left); then its next reads miss`;
  // The words say what the time is: the TTL the hot key has left (a bare "hot key 4.91 s" did not).
  return (
    <span className="badge muted fit-hide-4" title={title}>
      {short ? (
        'key TTL'
      ) : (
        <>
          <span className="fit-long">hot key TTL</span>
          <span className="fit-short">key TTL</span>
        </>
      )}{' '}
      {left ?? 'none'}
    </span>
  );
}

/** A Redis shard: slot range, keys with a fill gauge, ops per second and its queue when hot. */
export function ShardNode({ box, compact }: { box: NodeBox; compact: boolean }) {
  const view = useAppStore((s) => s.nodes?.shards[box.index]);
  // Not before the run starts: every key is a miss then, which says nothing yet.
  const hotKey = useAppStore((s) =>
    s.nodes?.hotKey.shard === box.index && s.nodes.nowMs > 0 ? s.nodes.hotKey : null,
  );
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const maxKeys = useInForce<number | null>('cache.l2.maxKeys');
  const keyspace = useAppStore((s) => s.applied.workload.keys);
  const monitoring = useInForce<boolean>('monitoring.enabled');
  const memoryAbove = useInForce<number>('monitoring.memoryAbove');
  const memoryAlert = monitoring ? memoryAbove : Infinity;
  const [selected, select] = useSelectNode(box.id);
  // The smallest cards (16 shards on a laptop) get one line: name, then the badges or the ops rate,
  // then the fill; the gauge becomes the card's bottom edge. Their hot badge shows the rate (the
  // figure that makes the shard hot, which the word would push out), on the hot tone.
  const tiny = compact && box.h < 48;
  const opsRate = useAppStore((s) => s.shardRates[box.index] ?? 0);
  const meanRate = useAppStore(
    (s) => s.shardRates.reduce((a, b) => a + b, 0) / Math.max(1, s.shardRates.length),
  );
  const rate = formatCount(Math.round(opsRate));
  const ops = `${rate}${box.w < (compact ? 130 : 170) ? '/s' : ' ops/s'}`;
  const up = view?.up ?? true;
  const keys = view?.keys ?? 0;
  const queue = view?.queue ?? 0;
  // Fill: memory against maxmemory when set, else keys against the per-shard key limit, else against
  // this shard's share of the whole key space (how much of it is cached).
  const maxMemory = view?.maxMemoryBytes ?? null;
  const fill =
    maxMemory !== null
      ? (view?.memoryBytes ?? 0) / maxMemory
      : maxKeys !== null
        ? keys / maxKeys
        : keys / (keyspace / shards);
  // What the gauge measures, said beside it: the long form on a full card, the short one on a compact one.
  const [fillLabel, fillShort] =
    maxMemory !== null
      ? ['of its memory used', 'memory']
      : maxKeys !== null
        ? ['of its key limit used', 'key limit']
        : ['of its keys cached', 'cached'];
  const fillText = `${Math.round(Math.max(0, Math.min(1, fill)) * 100)} %`;
  const gaugeName = `${shardName(box.index)}: ${fillText} ${fillLabel}`;
  // Full memory or a full key limit is the memory alert's business; a fully cached key space is good news.
  const warnAt = maxMemory !== null || maxKeys !== null ? memoryAlert : Infinity;
  // Hot: commands queue on its single thread, or it serves well over its fair share of operations.
  const hot = up && (queue >= HOT_QUEUE || (shards > 1 && opsRate > 100 && opsRate > HOT_FACTOR * meanRate));
  const hotTitle =
    queue >= HOT_QUEUE
      ? `Hot: ${queue} commands queued on its single thread`
      : `Hot: ${rate} ops/s, over ${HOT_FACTOR}x the shards' mean of ${formatCount(Math.round(meanRate))}`;
  const tone: NodeTone = !up ? 'down' : hot ? 'hot' : 'normal';
  const slots = view ? `${view.slotStart}–${view.slotEnd}` : '';
  const state = !up ? ', down' : hot ? `, hot: ${Math.round(opsRate)} ops/s, ${queue} queued` : '';
  const locks = up && view !== undefined && view.locks > 0;
  // Copies of its keys served past their TTL on purpose (cache.staleWindows), once there are any.
  const stale = up ? staleServedText(view?.staleServed, 'Redis') : null;
  // What the card leaves out while its text does not fit (measured, see useFitLevel): 1 the slot range,
  // 2 the badges' long words ("hot key TTL", "locks held"), 3 the keys count, 4 the hot key badge;
  // 5 puts the badges beside the ops rate and lets them wrap onto a second row; 6 sets the lines closer.
  const cardRef = useFitLevel<HTMLButtonElement>(
    [box.w, box.h, compact, up, locks, hotKey?.cached, hot, stale !== null].map(String).join(' '),
    6,
  );
  const badges = [
    !up && (
      <span key="down" className="badge down">
        DOWN
      </span>
    ),
    locks && (
      <span key="lock" className="badge lock">
        {view.locks === 1 ? (
          FIGURES.locksHeld
        ) : (
          <>
            <span className="fit-long">{view.locks} locks held</span>
            <span className="fit-short">{view.locks} locks</span>
          </>
        )}
      </span>
    ),
    up && hotKey !== null && (
      <HotKeyBadge key="hot-key" ttlLeftMs={hotKey.ttlLeftMs} cached={hotKey.cached} short={compact} />
    ),
    hot && (
      <span key="hot" className="badge hot" title={hotTitle}>
        {queue >= HOT_QUEUE ? `queue ${queue}` : tiny ? `${rate}/s` : 'hot'}
      </span>
    ),
    stale !== null && (
      <StaleServedBadge key="stale" served={view?.staleServed} tier="Redis" countClass="fit-hide-4" />
    ),
  ].filter(Boolean);
  const tinyBadge = badges.find((b) => b && b.key !== 'hot-key');
  return (
    <NodeCard
      box={box}
      label={`${shardName(box.index)}, slots ${slots}, ${keys} keys, ${fillText} ${fillLabel}${state}${stale === null ? '' : `. ${stale}`}`}
      tone={tone}
      compact={compact}
      selected={selected}
      onSelect={select}
      cardRef={cardRef}
    >
      <span className="node-row">
        <span className="node-title">
          <ShortName
            short={compact ? shardShort(box.index) : shardName(box.index)}
            full={shardName(box.index)}
          />
        </span>
        {/* A tiny card has room for one badge: the first is the most important (down, lock, hot); the
            hot key's TTL, which a tiny card would leave out (fit level 4), gives way to the ops rate. */}
        {compact && (tiny && tinyBadge ? tinyBadge : <span className="node-line">{ops}</span>)}
        {tiny && box.w >= 130 && <span className="gauge-label">{fillText}</span>}
      </span>
      {/* The slot range gives way first on a short card (it is in the tooltip and the inspector). */}
      {!compact && <span className="node-line small fit-hide-1">slots {slots}</span>}
      <span className="fit-join">
        {!compact && (
          <span className="node-line">
            <span className="fit-hide-3">{formatCount(keys)} keys · </span>
            {ops}
          </span>
        )}
        {!tiny && badges.length > 0 && <span className="node-row">{badges}</span>}
      </span>
      {tiny ? (
        <Gauge value={fill} label={gaugeName} warn={warnAt} edge />
      ) : (
        <span className="gauge-row">
          <Gauge value={fill} label={gaugeName} warn={warnAt} />
          <span className="gauge-label">{box.w >= 128 ? `${fillShort} ${fillText}` : fillText}</span>
        </span>
      )}
    </NodeCard>
  );
}

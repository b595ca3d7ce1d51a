import type { ScenarioInput } from '../../scenario/schema.ts';
import { appName, shardName } from '../../labels/names.ts';
import { getPath } from './draftPath.ts';

/** Defaults of the topology, for a draft that leaves them out (the schema's values). */
const DEFAULT_INSTANCES = 4;
const DEFAULT_SHARDS = 3;

/** What the kinds without a target hit, said instead of a choice. */
const WHOLE: Record<string, string> = {
  'redis-restart': 'Every Redis shard',
  deploy: 'Every app instance, one at a time',
  'cdc-outage': 'The CDC consumer',
  'db-latency-spike': 'The database',
};

/**
 * The choices for a failure's target (`failures.2.target`): the instances or shards by the names the
 * stage gives them ("App 2", "Redis shard 3"), valued by the index the scenario format stores. Kinds
 * that hit a whole part (a Redis restart takes every shard) offer one fixed choice that says so.
 */
export function targetOptions(
  draft: ScenarioInput,
  path: string,
  value: number,
): { options: { value: string; label: string }[]; fixed: boolean } {
  const kind = getPath(draft, `${path.slice(0, path.lastIndexOf('.'))}.kind`);
  const topology = draft.topology ?? {};
  const count =
    kind === 'instance-crash'
      ? (topology.instances ?? DEFAULT_INSTANCES)
      : kind === 'redis-shard-crash'
        ? (topology.redisShards ?? DEFAULT_SHARDS)
        : 0;
  if (count === 0) {
    return {
      options: [{ value: String(value), label: WHOLE[String(kind)] ?? 'Nothing in particular' }],
      fixed: true,
    };
  }
  const name = kind === 'instance-crash' ? appName : shardName;
  // A target the topology no longer has stays selectable, named as such, so the error beside it makes sense.
  const options = Array.from({ length: Math.max(count, value + 1) }, (_, i) => ({
    value: String(i),
    label: i < count ? name(i) : `${name(i)} (not in this topology)`,
  }));
  return { options, fixed: false };
}

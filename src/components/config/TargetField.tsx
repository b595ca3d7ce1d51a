import { useId } from 'react';
import type { ScenarioInput } from '../../scenario/schema.ts';
import { appName, shardName } from '../../labels/names.ts';
import { getPath } from './draftPath.ts';

interface TargetFieldProps {
  /** The concrete path, "failures.2.target". */
  path: string;
  label: string;
  draft: ScenarioInput;
  value: number;
  error: string | undefined;
  onChange(path: string, value: unknown): void;
}

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
 * The instance or shard a failure hits, chosen by the name the stage gives it ("App 2", "Redis shard
 * 3") and stored as the index the scenario format uses. Kinds that hit a whole part (a Redis restart
 * takes every shard) say so in a disabled select.
 */
export function TargetField({ path, label, draft, value, error, onChange }: TargetFieldProps) {
  const errorId = useId();
  const kind = getPath(draft, `${path.slice(0, path.lastIndexOf('.'))}.kind`);
  const topology = draft.topology ?? {};
  const count =
    kind === 'instance-crash'
      ? (topology.instances ?? DEFAULT_INSTANCES)
      : kind === 'redis-shard-crash'
        ? (topology.redisShards ?? DEFAULT_SHARDS)
        : 0;
  const name = kind === 'instance-crash' ? appName : shardName;
  // A target the topology no longer has stays selectable, named as such, so the error beside it makes sense.
  const indices = count === 0 ? [] : Array.from({ length: Math.max(count, value + 1) }, (_, i) => i);
  return (
    <div className="cfg-field">
      <label className="cfg-label">
        <span>{label}</span>
        <select
          className="cfg-select"
          aria-label={label}
          value={value}
          aria-describedby={error ? errorId : undefined}
          disabled={count === 0}
          onChange={(e) => onChange(path, Number(e.currentTarget.value))}
        >
          {count === 0 && <option value={value}>{WHOLE[String(kind)] ?? 'Nothing in particular'}</option>}
          {indices.map((i) => (
            <option key={i} value={i}>
              {i < count ? name(i) : `${name(i)} (not in this topology)`}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" id={errorId} className="cfg-error">
          {error}
        </p>
      )}
    </div>
  );
}

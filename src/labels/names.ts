/**
 * The names people read for the nodes of the topology, numbered from 1 everywhere (stage, charts,
 * inspector, CLI, forms, texts), while the engine and the scenario count from 0.
 */

/** "App 3" for instance index 2. */
export const appName = (index: number): string => `App ${index + 1}`;

/** "Redis shard 2" for shard index 1. */
export const shardName = (index: number): string => `Redis shard ${index + 1}`;

/** The short form a compact card or chart axis has room for: "S2" for shard index 1. */
export const shardShort = (index: number): string => `S${index + 1}`;

const FIXED: Record<string, string> = {
  client: 'Clients',
  lb: 'Load balancer',
  db: 'Database',
  cdn: 'CDN edge',
  cdc: 'CDC pipeline',
};

/**
 * The stage's name for an engine node id: `app-0` -> "App 1", `redis-2` -> "Redis shard 3",
 * `db` -> "Database". An id it does not know is returned as "Node <id>" rather than passed through raw.
 *
 * @example
 * nodeLabel('redis-0'); // "Redis shard 1"
 */
export function nodeLabel(id: string): string {
  const fixed = FIXED[id];
  if (fixed !== undefined) return fixed;
  const m = /^(app|redis)-(\d+)$/.exec(id);
  if (!m) return `Node ${id}`;
  const index = Number(m[2]);
  return m[1] === 'app' ? appName(index) : shardName(index);
}

/** A compact form of nodeLabel for narrow tables: "LB", "App 3", "Redis 2", "DB". */
export function shortNodeLabel(id: string): string {
  const fixed: Record<string, string> = { client: 'Client', lb: 'LB', db: 'DB', cdn: 'CDN', cdc: 'CDC' };
  return fixed[id] ?? nodeLabel(id).replace('Redis shard', 'Redis');
}

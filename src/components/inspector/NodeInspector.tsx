import type { NodeId, NodeView, SimMs } from '../../engine/types.ts';
import { nodeLabel } from '../../labels/names.ts';
import { formatDuration } from '../format.ts';
import './inspector.css';

export interface NodeEntry {
  key: number;
  version: number;
  expiresAtMs: SimMs | null;
}

export interface NodeInspectorProps {
  nodeId: NodeId;
  nowMs: SimMs;
  /** A cache's keys (from `Simulation.nodeKeys`), possibly truncated to a limit. */
  entries?: readonly NodeEntry[] | undefined;
  /** How many keys the node holds in all, when `entries` is only the first few. */
  totalKeys?: number | undefined;
  /** For the database node: the pool and its wait queue (`NodeView['db']`). */
  db?: NodeView['db'] | undefined;
  /** False while the node is down (a crashed shard, a restarting instance). */
  up?: boolean | undefined;
  keyName?: ((key: number) => string) | undefined;
  /** Makes each key a button that opens it in the key inspector. */
  onPickKey?: ((key: number) => void) | undefined;
}

/** Past this, the pool is drawn as a bar: a thousand slots would not be readable anyway. */
const MAX_SLOTS = 64;

export function nodeTitle(id: NodeId): string {
  return id.startsWith('app-') ? `${nodeLabel(id)} (L1 cache)` : nodeLabel(id);
}

function ttlLeft(entry: NodeEntry, nowMs: number): string {
  if (entry.expiresAtMs === null) return 'no expiry';
  const left = entry.expiresAtMs - nowMs;
  return left > 0 ? formatDuration(left) : 'expired';
}

/** The live state of one node: a cache's keys with TTL left and version, or the database's pool. */
export function NodeInspector(props: NodeInspectorProps) {
  const { nodeId, nowMs, entries, totalKeys, db, up = true, keyName = (k) => `key ${k}`, onPickKey } = props;
  return (
    <section className="insp" aria-label={nodeTitle(nodeId)}>
      <h3 className="insp-title">
        {nodeTitle(nodeId)}
        {!up && <span className="insp-down">down</span>}
      </h3>
      {db && <DbPool db={db} />}
      {entries && (
        <>
          <p className="insp-sub">
            {totalKeys !== undefined && totalKeys > entries.length
              ? `Showing ${entries.length} of ${totalKeys} keys`
              : `${entries.length} key${entries.length === 1 ? '' : 's'}`}
          </p>
          <table className="insp-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Version</th>
                <th scope="col">TTL left</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const left = ttlLeft(e, nowMs);
                return (
                  <tr key={e.key} className={left === 'expired' ? 'insp-expired' : undefined}>
                    <td>
                      {onPickKey ? (
                        <button type="button" className="insp-link" onClick={() => onPickKey(e.key)}>
                          {keyName(e.key)}
                        </button>
                      ) : (
                        keyName(e.key)
                      )}
                    </td>
                    <td>v{e.version}</td>
                    <td>{left}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function DbPool({ db }: { db: NonNullable<NodeInspectorProps['db']> }) {
  const busy = Math.min(db.inUse, db.connections);
  const summary = `${busy} of ${db.connections} connections busy, ${db.queue} quer${db.queue === 1 ? 'y' : 'ies'} waiting`;
  return (
    <div className="db-pool">
      <p className={busy >= db.connections ? 'db-summary db-saturated' : 'db-summary'}>{summary}</p>
      {db.connections <= MAX_SLOTS ? (
        <div className="db-slots" aria-hidden="true">
          {Array.from({ length: db.connections }, (_, i) => (
            <span key={i} className={i < busy ? 'db-slot db-busy' : 'db-slot'} />
          ))}
        </div>
      ) : (
        <div className="db-bar" aria-hidden="true">
          <span style={{ width: `${(100 * busy) / db.connections}%` }} />
        </div>
      )}
      <p className="db-queue">
        Wait queue: <strong>{db.queue}</strong>
      </p>
    </div>
  );
}

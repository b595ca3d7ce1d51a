import { keyName } from '../../engine/index.ts';
import type { KeyView } from '../../engine/types.ts';
import { useController, type Controller } from '../../runtime/controller.ts';
import { selectSelection } from '../../store/selectors.ts';
import type { Selection } from '../../store/selectionSlice.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import type { NodeKeyEntry, RequestDetail } from '../../worker/protocol.ts';
import { KeyInspector } from '../inspector/KeyInspector.tsx';
import { KeyPicker } from '../inspector/KeyPicker.tsx';
import { NodeInspector } from '../inspector/NodeInspector.tsx';
import { RequestWaterfall } from '../inspector/RequestWaterfall.tsx';
import { useEngineQuery } from '../inspector/useEngineQuery.ts';
import { RecentRequests } from './RecentRequests.tsx';

/** Keys listed for a cache node: the inspector shows the first ones and the total. */
const NODE_KEYS = 30;

type Answer = { keys: NodeKeyEntry[] } | { key: KeyView } | { request: RequestDetail } | null;

/** What the worker is asked for the selection: a cache node's keys, a key's view, a request's hops. */
function ask(c: Controller, selection: Selection): Promise<Answer> {
  if (selection?.kind === 'key') return c.inspectKey(selection.key).then((key) => ({ key }));
  if (selection?.kind === 'request')
    return c.requestDetail(selection.requestId).then((request) => ({ request }));
  if (selection?.kind === 'node' && (selection.id.startsWith('app-') || selection.id.startsWith('redis-'))) {
    return c.nodeKeys(selection.id, NODE_KEYS).then((keys) => ({ keys }));
  }
  return Promise.resolve(null);
}

/** The inspector: the selected node, key or request, read from the live simulation at 10 Hz. */
export function InspectSection() {
  const c = useController();
  const store = useAppStoreApi();
  const selection = useAppStore(selectSelection);
  const nowMs = useAppStore((s) => s.nowMs);
  const nodes = useAppStore((s) => s.nodes);
  const keys = useAppStore((s) => s.applied.workload.keys);
  const answer = useEngineQuery(JSON.stringify(selection), () => ask(c, selection));
  const pickKey = (key: number) => store.getState().select({ kind: 'key', key });
  let body = (
    <p className="hint">
      Click a node on the stage, pick a key above, or{' '}
      {nowMs > 0 ? 'open one of the recent requests below.' : 'press Play or Step and open a recent request.'}
    </p>
  );
  if (selection?.kind === 'node') {
    const id = selection.id;
    const inst = id.startsWith('app-') ? nodes?.instances.find((n) => n.id === id) : undefined;
    const shard = id.startsWith('redis-') ? nodes?.shards.find((n) => n.id === id) : undefined;
    body = (
      <NodeInspector
        nodeId={id}
        nowMs={nowMs}
        entries={answer && 'keys' in answer ? answer.keys : undefined}
        totalKeys={inst?.l1Keys ?? shard?.keys}
        db={id === 'db' ? nodes?.db : undefined}
        up={inst?.up ?? shard?.up ?? true}
        keyName={(k) => keyName(k)}
        onPickKey={pickKey}
      />
    );
  } else if (selection?.kind === 'key') {
    body =
      answer && 'key' in answer ? (
        <KeyInspector view={answer.key} nowMs={nowMs} />
      ) : (
        <p className="hint">Reading key {selection.key}…</p>
      );
  } else if (selection?.kind === 'request') {
    const detail = answer && 'request' in answer ? answer.request : null;
    const hops = detail?.hops ?? [];
    body = detail?.request ? (
      <RequestWaterfall request={detail.request} hops={hops} />
    ) : (
      <p className="hint">
        {!detail
          ? `Reading request #${selection.requestId}…`
          : hops.length > 0
            ? `Request #${selection.requestId} is still travelling (${hops.length} hops so far); its waterfall appears when it completes. Press Step or Play.`
            : `Request #${selection.requestId} is no longer kept; click another one.`}
      </p>
    );
  }
  return (
    <section className="inspect" aria-label="Inspector">
      <h2 className="visually-hidden">Inspect</h2>
      <KeyPicker keys={keys} onPick={pickKey} initial={selection?.kind === 'key' ? selection.key : 0} />
      {body}
      <RecentRequests />
    </section>
  );
}

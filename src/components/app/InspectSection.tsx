import { keyName } from '../../engine/index.ts';
import { useController } from '../../runtime/controller.ts';
import { selectSelection } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { KeyInspector } from '../inspector/KeyInspector.tsx';
import { KeyPicker } from '../inspector/KeyPicker.tsx';
import { NodeInspector } from '../inspector/NodeInspector.tsx';
import { RequestWaterfall } from '../inspector/RequestWaterfall.tsx';
import { RecentRequests } from './RecentRequests.tsx';

/** Keys listed for a cache node: the inspector shows the first ones and the total. */
const NODE_KEYS = 30;

/** The inspector: the selected node, key or request, read from the live simulation at 10 Hz. */
export function InspectSection() {
  const c = useController();
  const store = useAppStoreApi();
  const selection = useAppStore(selectSelection);
  const nowMs = useAppStore((s) => s.nowMs);
  const nodes = useAppStore((s) => s.nodes);
  const keys = useAppStore((s) => s.applied.workload.keys);
  const pickKey = (key: number) => store.getState().select({ kind: 'key', key });
  let body = (
    <p className="hint">
      Click a node on the stage, pick a key above, or open one of the recent requests below.
    </p>
  );
  if (selection?.kind === 'node') {
    const id = selection.id;
    const inst = id.startsWith('app-') ? nodes?.instances.find((n) => n.id === id) : undefined;
    const shard = id.startsWith('redis-') ? nodes?.shards.find((n) => n.id === id) : undefined;
    const isCache = inst !== undefined || shard !== undefined;
    body = (
      <NodeInspector
        nodeId={id}
        nowMs={nowMs}
        entries={isCache ? c.nodeKeys(id, NODE_KEYS) : undefined}
        totalKeys={inst?.l1Keys ?? shard?.keys}
        db={id === 'db' ? nodes?.db : undefined}
        up={inst?.up ?? shard?.up ?? true}
        keyName={(k) => keyName(k)}
        onPickKey={pickKey}
      />
    );
  } else if (selection?.kind === 'key') {
    body = <KeyInspector view={c.inspectKey(selection.key)} nowMs={nowMs} />;
  } else if (selection?.kind === 'request') {
    const request = c.request(selection.requestId);
    const hops = c.hopsOf(selection.requestId);
    body = request ? (
      <RequestWaterfall request={request} hops={hops} />
    ) : (
      <p className="hint">
        {hops.length > 0
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

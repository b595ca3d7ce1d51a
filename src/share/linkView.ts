import type { Scenario } from '../scenario/schema.ts';
import { stageNodeIds } from '../render/layoutBox.ts';
import { formatDuration } from '../components/format.ts';
import type { LinkView } from './linkParams.ts';
import { nodeParam } from './nodeParam.ts';

/**
 * A link's view checked against the scenario it opens: a time past the end, a node the topology does
 * not have or a key outside the workload is dropped and named, and the rest of the view still applies.
 *
 * @example checkView({ tMs: 90_000 }, scenario30s).problems // ['t: 90000 is after the end of the run (30 s)']
 */
export function checkView(view: LinkView, scenario: Scenario): { view: LinkView; problems: string[] } {
  const out: LinkView = { ...view };
  const problems: string[] = [];
  if (out.tMs !== undefined && out.tMs > scenario.durationMs) {
    problems.push(`t: ${out.tMs} is after the end of the run (${formatDuration(scenario.durationMs)})`);
    delete out.tMs;
  }
  if (out.node !== undefined) {
    const cdc =
      scenario.cache.strategy === 'cdc' ||
      scenario.changes.some((c) => c.path === 'cache.strategy' && c.value === 'cdc');
    const { instances, redisShards: shards, cdn } = scenario.topology;
    if (!stageNodeIds({ instances, shards, cdn, cdc }).includes(out.node)) {
      problems.push(
        `node: ${nodeParam(out.node)} is not on the stage (${instances} app instances, ${shards} Redis shards${cdn ? ', a CDN' : ''})`,
      );
      delete out.node;
    }
  }
  if (out.key !== undefined && out.key >= scenario.workload.keys) {
    problems.push(`key: ${out.key} is not in the workload (keys 0 to ${scenario.workload.keys - 1})`);
    delete out.key;
  }
  return { view: out, problems };
}

/** Writes the view into `params` (what Share puts in a link); unset parts are left out. */
export function writeView(params: URLSearchParams, view: LinkView): void {
  if (view.tMs !== undefined && view.tMs > 0) params.set('t', String(Math.round(view.tMs)));
  if (view.speed !== undefined && view.speed !== 1) params.set('speed', String(view.speed));
  if (view.tab !== undefined) params.set('tab', view.tab);
  if (view.node !== undefined) params.set('node', nodeParam(view.node));
  if (view.key !== undefined) params.set('key', String(view.key));
}

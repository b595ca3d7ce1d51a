import { useMemo, useRef } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import { computeCompactLayout, type TierBox, type TierKind } from '../../render/layoutCompact.ts';
import { selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { stripItems } from '../app/stripItems.ts';
import { formatCount } from '../format.ts';
import { currentRps } from './EdgeNode.tsx';
import { useScenarioInForce } from './inForce.ts';
import { ParticleCanvas, type PickRequest } from './ParticleCanvas.tsx';
import { useElementSize } from './useElementSize.ts';

/** A tier's name, its short form for a narrow node, its figure and what the figure counts. */
interface TierText {
  name: string;
  short: string;
  figure: string;
  unit: string;
  warn: boolean;
}

/** The smallest text on the compact stage, in px (names and units); figures are larger where they fit. */
export const COMPACT_TEXT_PX = 12;
const FIGURE_MAX_PX = 20;
/** A bold character's width in em, roughly (figures are digits, commas and a unit). */
const BOLD_EM = 0.68;
/** A node's border and padding, either side. */
const INSET_PX = 6;
/** Narrower than this, a node shows its short name. */
const FULL_NAME_W = 84;
/** Shorter than this, a node leaves its unit line out (the tooltip still says it). */
const UNIT_MIN_H = 62;

/** The figure's size: as large as fits the node's width, never under the stage's smallest text. */
export const figurePx = (text: string, w: number): number =>
  Math.max(COMPACT_TEXT_PX, Math.min(FIGURE_MAX_PX, (w - 2 * INSET_PX) / (text.length * BOLD_EM)));

/** Each tier's words and figure, the strip's figures where the strip has them (same value, same rounding). */
function useTierTexts(): Map<TierKind, TierText> {
  const scenario = useScenarioInForce();
  const summary = useAppStore(selectSummary);
  const rps = useAppStore(currentRps);
  return useMemo(() => {
    const items = summary ? stripItems(scenario, summary) : [];
    const value = (id: string) => items.find((i) => i.id === id);
    const fig = (id: string) => value(id)?.value ?? '—';
    const warn = (id: string) => value(id)?.warn ?? false;
    const { instances, redisShards } = scenario.topology;
    const l1 = scenario.cache.l1.enabled;
    return new Map<TierKind, TierText>([
      [
        'client',
        { name: 'Clients', short: 'Clients', figure: `${formatCount(rps)}/s`, unit: 'requests', warn: false },
      ],
      ['cdn', { name: 'CDN', short: 'CDN', figure: fig('cdnHitRatio'), unit: 'edge hits', warn: false }],
      [
        'app',
        {
          name: `${instances} ${instances === 1 ? 'app' : 'apps'}`,
          short: 'Apps',
          figure: l1 ? fig('l1HitRatio') : 'no L1',
          unit: l1 ? 'L1 hits' : 'cache',
          warn: false,
        },
      ],
      [
        'redis',
        {
          name: redisShards === 1 ? 'Redis' : `Redis ×${redisShards}`,
          short: 'Redis',
          figure: fig('l2HitRatio'),
          unit: 'L2 hits',
          warn: warn('l2HitRatio'),
        },
      ],
      [
        'db',
        {
          name: 'Database',
          short: 'DB',
          figure: `${fig('dbQueriesPerSecond')}/s`,
          unit: 'queries',
          warn: false,
        },
      ],
    ]);
  }, [scenario, summary, rps]);
}

function TierNode({ tier, text }: { tier: TierBox; text: TierText }) {
  const full = tier.w >= FULL_NAME_W;
  return (
    <div
      className={`tier-node tier-${tier.kind}${text.warn ? ' warn' : ''}`}
      style={{ left: tier.x, top: tier.y, width: tier.w, height: tier.h }}
      title={`${text.name}: ${text.figure} ${text.unit}`}
    >
      <span className="tier-name">
        {full ? (
          text.name
        ) : (
          <>
            <span aria-hidden="true">{text.short}</span>
            <span className="visually-hidden">{text.name}</span>
          </>
        )}
      </span>
      <span className="tier-figure" style={{ fontSize: figurePx(text.figure, tier.w) }}>
        {text.figure}
      </span>
      {tier.h >= UNIT_MIN_H && <span className="tier-unit">{text.unit}</span>}
    </div>
  );
}

/**
 * The stage for a small frame: the tiers as a few large nodes, one figure each, and the requests
 * flowing between them on the same canvas painter as the full stage. No text under COMPACT_TEXT_PX.
 */
export function CompactStage({ session }: { session: EngineSession }) {
  const ref = useRef<HTMLDivElement>(null);
  const pickRef = useRef<PickRequest | null>(null);
  const size = useElementSize(ref, { width: 348, height: 96 });
  const topology = useAppStore((s) => s.applied.topology);
  const cdc = useScenarioInForce().cache.strategy === 'cdc';
  const { layout, tiers } = useMemo(
    () =>
      computeCompactLayout({
        instances: topology.instances,
        shards: topology.redisShards,
        cdn: topology.cdn,
        cdc,
        width: size.width,
        height: size.height,
      }),
    [topology.instances, topology.redisShards, topology.cdn, cdc, size.width, size.height],
  );
  const texts = useTierTexts();
  return (
    <section
      className="stage compact-stage"
      aria-label="Topology, by tier: requests flow from the clients to the database"
    >
      <div className="stage-area compact" ref={ref} data-stage-scale="1.000">
        {tiers.map((t) => (
          <TierNode key={t.kind} tier={t} text={texts.get(t.kind)!} />
        ))}
        <ParticleCanvas session={session} layout={layout} scale={1} pickRef={pickRef} />
      </div>
    </section>
  );
}

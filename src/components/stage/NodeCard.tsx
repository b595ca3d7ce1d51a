import { LazyMotion, m } from 'framer-motion';
import type { ReactNode } from 'react';
import type { NodeBox } from '../../render/layout.ts';
import { loadMotionFeatures, useNodeMotion, useWantMotion } from './useNodeMotion.ts';

export type NodeTone = 'normal' | 'down' | 'cold' | 'hot' | 'saturated';

interface NodeCardProps {
  box: NodeBox;
  /**
   * The tooltip (and accessible description): what the node is and its state in full. The accessible
   * name is the card's own text, so what a screen reader says starts with what the eye reads.
   */
  label: string;
  tone: NodeTone;
  /** Small card: content flows in one wrapped row instead of stacked lines. */
  compact?: boolean;
  selected: boolean;
  onSelect: () => void;
  children: ReactNode;
}

/**
 * A node on the stage, placed by the shared layout. The tone drives a framer-motion transition so a
 * state change (hot, saturated) is noticed without a flash; the animation code is fetched when a card
 * first grows (LazyMotion). A card stays opaque in every state: the
 * requests travel under the cards and must never show through their text.
 */
export function NodeCard({ box, label, tone, compact = false, selected, onSelect, children }: NodeCardProps) {
  const transition = useNodeMotion();
  const grown = tone === 'hot' || tone === 'saturated';
  useWantMotion(grown);
  return (
    <LazyMotion features={loadMotionFeatures}>
      <m.button
        type="button"
        className={`node node-${box.kind} tone-${tone}${compact ? ' compact' : ''}${selected ? ' selected' : ''}`}
        style={{ left: box.x, top: box.y, width: box.w, height: box.h }}
        aria-pressed={selected}
        title={`${label}. Click to inspect.`}
        onClick={onSelect}
        initial={false}
        animate={{ scale: grown ? 1.03 : 1 }}
        transition={transition}
      >
        {children}
      </m.button>
    </LazyMotion>
  );
}

/**
 * A name shortened to fit a small card ("S3"): the eye reads the short form, a screen reader (and the
 * card's accessible name) the full one ("Redis shard 3").
 */
export function ShortName({ short, full }: { short: string; full: string }) {
  if (short === full) return <>{full}</>;
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{full}</span>
    </>
  );
}

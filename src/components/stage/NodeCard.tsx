import type { ReactNode, Ref } from 'react';
import type { NodeBox } from '../../render/layout.ts';

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
  /** The card's element, for a card that measures whether its content fits (see useFitLevel). */
  cardRef?: Ref<HTMLButtonElement> | undefined;
}

/**
 * A node on the stage, placed by the shared layout. A hot or saturated card grows a little, by a CSS
 * transition (stage.css), so the change is noticed without a flash, and without any animation library
 * in a first visit's download; the page-wide reduced-motion rule (theme.css) turns it off. A card
 * stays opaque in every state: the requests travel under the cards and must never show through
 * their text.
 */
export function NodeCard({
  box,
  label,
  tone,
  compact = false,
  selected,
  onSelect,
  children,
  cardRef,
}: NodeCardProps) {
  return (
    <button
      ref={cardRef}
      type="button"
      className={`node node-${box.kind} tone-${tone}${compact ? ' compact' : ''}${selected ? ' selected' : ''}`}
      style={{ left: box.x, top: box.y, width: box.w, height: box.h }}
      aria-pressed={selected}
      title={`${label}. Click to inspect.`}
      onClick={onSelect}
    >
      {children}
    </button>
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

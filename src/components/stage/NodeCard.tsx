import { motion } from 'framer-motion';
import type { ReactNode } from 'react';
import type { NodeBox } from '../../render/layout.ts';
import { useNodeMotion } from './useNodeMotion.ts';

export type NodeTone = 'normal' | 'down' | 'cold' | 'hot' | 'saturated';

interface NodeCardProps {
  box: NodeBox;
  /** Accessible name: what the node is and its state ("Redis shard 1, down"). */
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
 * state change (down, cold, hot, saturated) is noticed without a flash.
 */
export function NodeCard({ box, label, tone, compact = false, selected, onSelect, children }: NodeCardProps) {
  const transition = useNodeMotion();
  return (
    <motion.button
      type="button"
      className={`node node-${box.kind} tone-${tone}${compact ? ' compact' : ''}${selected ? ' selected' : ''}`}
      style={{ left: box.x, top: box.y, width: box.w, height: box.h }}
      aria-label={label}
      aria-pressed={selected}
      title={`${label}. Click to inspect.`}
      onClick={onSelect}
      initial={false}
      animate={{
        opacity: tone === 'down' ? 0.55 : 1,
        scale: tone === 'hot' || tone === 'saturated' ? 1.03 : 1,
      }}
      transition={transition}
    >
      {children}
    </motion.button>
  );
}

import { useReducedMotion, type Transition } from 'framer-motion';

/**
 * The transition for node state changes (a shard going down, a cold L1, a saturated pool): a short
 * ease normally, none at all for people who asked for reduced motion, so nothing flashes.
 */
export function useNodeMotion(): Transition {
  const reduce = useReducedMotion();
  return reduce ? { duration: 0 } : { duration: 0.35, ease: 'easeOut' };
}

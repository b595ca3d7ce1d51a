import { useEffect } from 'react';
import { useReducedMotion, type FeatureBundle, type Transition } from 'framer-motion';

/**
 * The transition for node state changes (a shard going down, a cold L1, a saturated pool): a short
 * ease normally, none at all for people who asked for reduced motion, so nothing flashes.
 */
export function useNodeMotion(): Transition {
  const reduce = useReducedMotion();
  return reduce ? { duration: 0 } : { duration: 0.35, ease: 'easeOut' };
}

let wantMotion: () => void = () => {};
const motionWanted = new Promise<void>((resolve) => (wantMotion = resolve));

/**
 * The features for the cards' `LazyMotion`: fetched only once some card has something to animate
 * (`useWantMotion`), so a first visit whose cards stay still never downloads them.
 */
export const loadMotionFeatures = (): Promise<FeatureBundle> =>
  motionWanted.then(() => import('./motionFeatures.ts')).then((m) => m.default);

/** Asks for the animation features once `animated` is true (any card; the first call loads them). */
export function useWantMotion(animated: boolean): void {
  useEffect(() => {
    if (animated) wantMotion();
  }, [animated]);
}

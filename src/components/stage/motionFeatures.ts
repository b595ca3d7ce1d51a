/**
 * framer-motion's animation features, in a chunk of their own: the stage's cards render with `m` and
 * load these (`loadMotionFeatures` in useNodeMotion.ts) only when a card first has something to animate.
 */
export { domAnimation as default } from 'framer-motion';

/**
 * The labels of the failures mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const failuresLabels = {
  shardOutages: 'shard outages',
  instanceRestarts: 'instance restarts',
  redisErrors: 'Redis errors',
  redisFallbacks: 'reads sent to the database',
  keysLostOnRestart: 'keys lost on restart',
} as const;

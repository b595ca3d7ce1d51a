/**
 * The labels of the overload mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const overloadLabels = {
  clientTimeouts: 'client timeouts / retries sent',
  acquireTimeouts: 'DB acquire timeouts / refused (queue full)',
  redisQueueRejections: 'Redis commands refused (queue full)',
  errorsSeen: 'errors seen by clients',
} as const;

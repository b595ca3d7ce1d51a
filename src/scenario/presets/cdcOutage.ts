import { cdcBody } from './cdc.ts';
import { definePreset } from './preset.ts';

export const cdcOutage = definePreset(
  'cdc-outage',
  'CDC consumer outage: invalidations pile up',
  'Same pipeline as the cdc preset, but the invalidation consumer stops at 10 s for 10 s. Writes keep ' +
    'committing and their change events wait in the broker, so Redis keeps serving values the ' +
    'database has replaced: stale reads climb and their age grows towards the outage plus the lag. ' +
    'When the consumer comes back it drains the backlog (watch the broker backlog fall) and the stale ' +
    'reads stop.',
  { ...cdcBody, failures: [{ atMs: 10_000, kind: 'cdc-outage', durationMs: 10_000 }] },
);

import { cdcBody } from './cdc.ts';
import { definePreset } from './preset.ts';

export const cdcOutage = definePreset(
  'cdc-outage',
  'CDC consumer outage: invalidations pile up',
  'Same pipeline as the CDC invalidation preset, but the invalidation consumer stops at 10 s for ' +
    '10 s. Writes keep committing and their change events wait in the broker, so Redis keeps serving ' +
    'values the database has replaced: the stale reads climb and the Staleness age chart stretches ' +
    'towards the outage plus the lag. When the consumer comes back it drains the backlog (watch the ' +
    'events waiting on the CDC pipeline fall, and the broker backlog max / at end) and the stale ' +
    'reads stop.',
  { ...cdcBody, failures: [{ atMs: 10_000, kind: 'cdc-outage', durationMs: 10_000 }] },
  ['staleReads', 'staleAgeChart', 'eventsWaiting', 'cdcBacklog'],
);

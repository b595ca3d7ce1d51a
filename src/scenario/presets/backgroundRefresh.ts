import { definePreset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

export const backgroundRefresh = definePreset(
  'background-refresh',
  'Background refresh keeps hot keys warm',
  'The stampede preset with a background refresher watching the 10 most popular keys: once 75 % of ' +
    "a key's 5 s TTL has passed, the refresher re-reads it from the database and stores it again, so " +
    'readers of those keys never see a miss. The cost is steady: one database read per watched key ' +
    'every 3.75 s, whether anyone reads the key or not. Watch the refresh reads climb while the L2 ' +
    'hit ratio stays near 100 % and p99 latency stays flat.',
  { ...stampedeBody, cache: { ...stampedeBody.cache, stampede: { mode: 'background-refresh' } } },
  ['refreshReads', 'l2HitRatio', 'p99Latency'],
);

import { definePreset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

export const stampedeSingleFlight = definePreset(
  'stampede-single-flight',
  'Cache stampede, tamed by single-flight',
  'The stampede preset again, with request coalescing: on each instance only the first request ' +
    'that misses queries the database, and the others wait for its answer. Compare with the stampede ' +
    'run: the herd shrinks from hundreds of queries to at most one per instance (four here), the ' +
    "Database connections in use chart never reaches the pool's 10 and p99 latency stays close to a " +
    'single database read.',
  { ...stampedeBody, cache: { ...stampedeBody.cache, stampede: { mode: 'single-flight' } } },
  ['dbPoolChart', 'p99Latency'],
);

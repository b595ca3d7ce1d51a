import type { ScenarioInput } from '../../scenario/schema.ts';
import type { LessonStep } from '../types.ts';

/**
 * The step of the CDN lesson on serving stale on purpose (RFC 5861): prices and blog posts behind one
 * edge, each with the header the article's rule gives it, and an outage of the database behind them.
 */

/** Prices keep a short max-age and no stale window; blog posts may be served stale in both windows. */
const pricesAndBlog = {
  version: 1,
  title: 'Prices and blog posts behind the edge',
  description:
    'Two routes behind a CDN: prices with a short max-age and no stale window, blog posts with ' +
    'stale-while-revalidate and stale-if-error. The database stops answering at 20 s for 20 s.',
  seed: 42,
  durationMs: 60_000,
  workload: { rps: 1000, readRatio: 0.99, keys: 500, zipf: 0.9 },
  topology: { instances: 4, redisShards: 3, cdn: true },
  cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 10_000 } },
  database: { connections: 20, acquireTimeoutMs: 200 },
  failures: [{ atMs: 20_000, kind: 'db-latency-spike', durationMs: 20_000, multiplier: 1000 }],
  cdn: {
    routes: [
      { name: 'prices', share: 0.5, cacheControl: 'public, max-age=5' },
      {
        name: 'blog',
        share: 0.5,
        cacheControl: 'public, max-age=60, stale-while-revalidate=30, stale-if-error=86400',
      },
    ],
  },
} as const satisfies ScenarioInput;

export const staleOnPurpose: LessonStep = {
  title: 'Stale on purpose: prices and blog posts',
  text:
    'stale-while-revalidate and stale-if-error let the edge answer with a copy past its max-age. The ' +
    "article's rule: no stale window for data whose staleness costs money. Prices say public, " +
    'max-age=5; blog posts add stale-while-revalidate=30, stale-if-error=86400. At 20 s the database ' +
    'stops answering for 20 s.',
  atMs: 15_000,
  scenario: pricesAndBlog,
  show: { tab: 'charts' },
  prediction: {
    kind: 'choice',
    question: 'During the outage, which pages will the edge answer from copies past their max-age?',
    figure: 'staleRoutes',
    fromMs: 20_000,
    untilMs: 40_000,
    options: [
      { label: 'Prices and blog posts: the edge keeps both', equals: 'prices and blog' },
      { label: 'Blog posts only: prices fail instead', equals: 'blog' },
      { label: 'Neither: the database is down', equals: 'none' },
    ],
    reveal:
      'Served stale: {staleRoutes}, while {errors:request:requests} failed. A blog post a minute old ' +
      'harms no one, so it takes both windows; a price past its max-age could charge the wrong ' +
      'amount, so a price read fails (or reads the database) rather than come from a stale copy.',
  },
};

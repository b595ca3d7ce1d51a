import './zodConfig.ts';
import { z } from 'zod';

/**
 * Scenario fields of Redis's server-assisted client-side caching (`CLIENT TRACKING`, Redis 6+):
 * `cache.tracking`. With it on, Redis tells each app instance when a key it may hold in its L1 changed,
 * and the instance drops its copy. Every default leaves it off, so a scenario that does not mention it
 * runs as before.
 */

/**
 * `default`: Redis remembers which keys each instance read, in a table per server; `bcast`: no table,
 * every change of a key under one of `prefixes` goes to every instance; `optin`: only reads after
 * `CLIENT CACHING yes` are remembered; `optout`: every read but those after `CLIENT CACHING no`.
 */
export const trackingModes = ['default', 'bcast', 'optin', 'optout'] as const;

/** `resp3`: invalidations are pushed on the connection the replies use (RESP3); `redirect`: on another one. */
export const trackingConnections = ['resp3', 'redirect'] as const;

/** The first two prefixes of which one begins the other (`[earlier, later]`), or null. */
export function overlapping(prefixes: readonly string[]): [number, number] | null {
  for (let j = 1; j < prefixes.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = prefixes[i]!;
      const b = prefixes[j]!;
      if (a.startsWith(b) || b.startsWith(a)) return [i, j];
    }
  }
  return null;
}

export const trackingSchema = z.strictObject({
  /** `CLIENT TRACKING on` on every instance's connections: Redis invalidates the instances' L1 copies. */
  enabled: z.boolean().default(false),
  mode: z.enum(trackingModes).default('default'),
  /** `bcast`: the key prefixes (`PREFIX`) the instances subscribe to; none means every key, as in Redis. */
  prefixes: z
    .array(z.string().min(1).max(200))
    .max(32)
    .superRefine((prefixes, ctx) => {
      const clash = overlapping(prefixes);
      if (clash === null) return;
      const [i, j] = clash;
      ctx.addIssue({
        code: 'custom',
        path: [j],
        message:
          `got ${JSON.stringify(prefixes[j])} beside ${JSON.stringify(prefixes[i])} (item ${i + 1}), ` +
          'expected prefixes that do not overlap: Redis refuses a prefix that begins another, or repeats it',
      });
    })
    .default([]),
  /**
   * `optin`: the hottest this many keys are read with `CLIENT CACHING yes` and kept in the L1 (the others
   * are not); `optout`: the hottest this many are read with `CLIENT CACHING no` and not kept.
   */
  optKeys: z.int().min(0).max(2_000_000).default(0),
  /** `NOLOOP`: an instance is not told of the changes it made itself. */
  noloop: z.boolean().default(false),
  /**
   * `tracking-table-max-keys` of each Redis server (shard): over it, Redis forgets random keys of the
   * table and invalidates them as if they had changed. 0 = no limit; Redis's default is 1,000,000.
   */
  tableMaxKeys: z.int().min(0).max(100_000_000).default(1_000_000),
  connection: z.enum(trackingConnections).default('resp3'),
  /**
   * The fix of the race Redis's documentation describes: a key is marked "being fetched" before its read,
   * an invalidation that arrives meanwhile cancels the mark, and the value read is then not kept.
   */
  raceFix: z.boolean().default(false),
});

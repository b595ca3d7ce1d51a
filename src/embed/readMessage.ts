import '../scenario/zodConfig.ts';
import { z } from 'zod';
import { closestName, formatValue } from '../scenario/messages.ts';
import { MAX_SPEED, MIN_SPEED } from '../runtime/speed.ts';
import { EMBED_SOURCE, EMBED_VERSION, type EmbedCommand } from './protocol.ts';

/**
 * Checks a message an embed received. Nothing here throws: a message that is not ours at all is
 * `foreign` (other scripts post messages too), one that is ours but cannot be acted on is `bad`, with
 * a reason naming the field, and the rest are commands.
 */

const number = z.number().finite();

/** Each command's fields, and what to say when one is wrong. */
const COMMANDS = {
  play: { schema: z.object({}), fields: {} },
  pause: { schema: z.object({}), fields: {} },
  seek: { schema: z.object({ tMs: number.min(0) }), fields: { tMs: 'a number of simulated ms, 0 or more' } },
  setSpeed: {
    schema: z.object({ speed: number.min(MIN_SPEED).max(MAX_SPEED) }),
    fields: { speed: `a number from ${MIN_SPEED} to ${MAX_SPEED}` },
  },
  setField: {
    schema: z.object({ path: z.string().max(100), value: z.unknown() }),
    fields: { path: 'the dotted path of a field, such as cache.l2.ttlMs' },
  },
  loadScenario: {
    schema: z.object({ scenario: z.union([z.string(), z.record(z.string(), z.unknown())]) }),
    fields: { scenario: 'a scenario object or its JSON text' },
  },
  getSummary: { schema: z.object({}), fields: {} },
  hello: { schema: z.object({}), fields: {} },
} as const satisfies Record<EmbedCommand['type'], { schema: z.ZodType; fields: Record<string, string> }>;

const COMMAND_TYPES = Object.keys(COMMANDS) as EmbedCommand['type'][];
const EVENT_TYPES = ['ready', 'state', 'summary', 'error'];

export type ReadMessage =
  { kind: 'command'; command: EmbedCommand } | { kind: 'bad'; reason: string } | { kind: 'foreign' };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What a received message asks for.
 *
 * @example readMessage({ source: 'cachescope', version: 1, type: 'seek', tMs: 'soon' })
 * // { kind: 'bad', reason: 'seek.tMs: got "soon", expected a number of simulated ms, 0 or more' }
 */
export function readMessage(data: unknown): ReadMessage {
  if (!isRecord(data) || data.source !== EMBED_SOURCE) return { kind: 'foreign' };
  const bad = (reason: string): ReadMessage => ({ kind: 'bad', reason });
  if (data.version !== EMBED_VERSION) {
    return bad(`version: got ${formatValue(data.version)}, this embed speaks version ${EMBED_VERSION}`);
  }
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMANDS, type)) {
    if (typeof type === 'string' && EVENT_TYPES.includes(type)) {
      return bad(`type: "${type}" is an event the embed sends, not a command`);
    }
    const guess = typeof type === 'string' ? closestName(type, COMMAND_TYPES) : undefined;
    const hint = guess ? `did you mean ${guess}?` : `commands: ${COMMAND_TYPES.join(', ')}`;
    return bad(`type: got ${formatValue(type)}, not a command; ${hint}`);
  }
  const rule = COMMANDS[type as EmbedCommand['type']];
  const result = rule.schema.safeParse(data);
  if (!result.success) {
    const field = String(result.error.issues[0]?.path[0] ?? '');
    const expected = (rule.fields as Record<string, string>)[field] ?? 'something else';
    const got = data[field] === undefined ? 'missing' : `got ${formatValue(data[field])}`;
    return bad(`${type}.${field}: ${got}, expected ${expected}`);
  }
  // Only the command's own fields: the schema drops anything else the page sent along.
  return { kind: 'command', command: { type, ...result.data } as EmbedCommand };
}

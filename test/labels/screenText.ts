/**
 * The rules a text shown to people keeps (preset descriptions, lesson steps): it names things as the
 * screen does, never by a raw id, a field path, a node counted from 0 or an enum value no label says.
 * Each returns what it found wrong (empty when fine).
 */
import { FIELDS, LISTS } from '../../src/components/config/fields.ts';
import { OPTION_LABELS } from '../../src/labels/options.ts';
import { presetIds } from '../../src/scenario/presets/index.ts';

/** Every option label, where a raw enum value may legitimately appear ("Least recently used (allkeys-lru)"). */
const optionText = Object.values(OPTION_LABELS)
  .flatMap((o) => Object.values(o))
  .join(' ')
  .toLowerCase();
const enumValues = [...new Set(Object.values(OPTION_LABELS).flatMap((o) => Object.keys(o)))];
export const fieldLabels = [...FIELDS, ...LISTS.flatMap((l) => l.fields)].map((f) => f.label.toLowerCase());

const word = (w: string) => new RegExp(`(^|[^a-z-])${w}([^a-z-]|$)`);

/** camelCase fields, dotted paths, engine node ids, preset ids, enum values that no label says. */
export function rawNames(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  const camel = text.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/); // a Summary or scenario field
  if (camel) found.push(`field name ${camel[0]}`);
  const path = text.match(/\b[a-z][a-zA-Z]*\.[a-z][a-zA-Z.]*\b/); // a dotted field path
  if (path) found.push(`field path ${path[0]}`);
  const node = text.match(/\b(app|redis)-\d+\b/); // an engine node id
  if (node) found.push(`node id ${node[0]}`);
  for (const id of presetIds.filter((p) => p.includes('-')))
    if (word(id).test(lower)) found.push(`preset id ${id}`);
  for (const v of enumValues.filter((e) => e.includes('-'))) {
    if (word(v).test(lower) && !optionText.includes(v))
      found.push(`"${v}" appears, but no option label says it`);
  }
  return found;
}

/** "App 5" in a four-instance topology, "shard 2" without the stage's full name. */
export function badNodeNames(text: string, topology: { instances: number; redisShards: number }): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\bRedis shard (\d+)|\bApp (\d+)\b/g)) {
    const n = Number(m[1] ?? m[2]);
    const max = m[1] ? topology.redisShards : topology.instances;
    if (n < 1 || n > max) found.push(`${m[0]} does not exist`);
  }
  // "shard 1" or "instance 2" without the stage's full name would be ambiguous about counting.
  const bare = text.match(/(?<!Redis )\bshard \d|\binstance \d/);
  if (bare) found.push(`"${bare[0]}" is not how the stage names it`);
  return found;
}

/** Settings a text asks people to change ("Set the L2 TTL to ...") that the Configure tab does not label so. */
export function unlabelledSettings(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(
    /\b(?:[Ss]et|[Ss]witch|[Tt]urn|[Rr]aise|[Ll]ower|[Dd]rag|[Ss]horten) (?:the )?([A-Z][\w -]+?)(?= (?:to|on|off|back|and|from|above|below)\b)/g,
  )) {
    if (!fieldLabels.includes(m[1]!.toLowerCase())) found.push(m[0]);
  }
  return found;
}

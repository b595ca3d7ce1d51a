import type { z } from 'zod';

/**
 * Every enum in a zod schema, by field path (`*` for an array index): walked from the schema itself,
 * so a value added to the format is found without anyone listing it.
 */
export function schemaEnums(schema: z.ZodType, path = '', out: Record<string, string[]> = {}) {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = (key: string) => schemaEnums(def[key] as z.ZodType, path, out);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
        schemaEnums(v, path ? `${path}.${k}` : k, out);
      break;
    case 'array':
      schemaEnums(def.element as z.ZodType, `${path}.*`, out);
      break;
    case 'enum':
      out[path] = Object.values(def.entries as Record<string, string>);
      break;
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'optional':
    case 'readonly':
      inner('innerType');
      break;
    case 'pipe':
      inner('in');
      break;
  }
  return out;
}

/**
 * Largest scenario read as JSON text, in characters (bytes, for a file): what a link may expand to, what
 * an embedder's `loadScenario` may carry and what the CLI reads of a file or standard input. The largest
 * scenario the schema allows is far smaller. A module of its own, free of imports, so the CLI can use it
 * without loading the link code.
 */
export const MAX_SCENARIO_TEXT = 1024 * 1024;

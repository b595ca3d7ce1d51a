import type * as Kit from './schemaKit.ts';

/** The schema's checks and the link codec (schemaKit.ts), fetched on first use: a first visit does without them. */
export type SchemaKit = typeof Kit;

let loaded: SchemaKit | undefined;
let pending: Promise<SchemaKit> | undefined;

/** Fetches the kit once (a failed fetch may be tried again); resolves with the module. */
export function loadSchemaKit(): Promise<SchemaKit> {
  pending ??= import('./schemaKit.ts').then(
    (m) => (loaded = m),
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** The kit if it has been fetched already, for code that cannot wait. */
export const loadedSchemaKit = (): SchemaKit | undefined => loaded;

/** Why something that needs the kit was not done, when it could not be fetched. */
export const KIT_UNAVAILABLE =
  "the page's scenario checks could not be loaded (offline, or the site was updated); reload the page to try again";

/**
 * Runs `run` with the kit: at once when it is here, else once it has been fetched, calls kept in the
 * order they were made (each waits on the same fetch, after the one that keeps the module). `failed`
 * runs instead when it cannot be fetched.
 */
export function withSchemaKit(run: (kit: SchemaKit) => void, failed: () => void = () => {}): void {
  if (loaded) return run(loaded);
  loadSchemaKit().then(run, failed);
}

import { z } from 'zod';

/**
 * Zod without eval. The app's Content Security Policy forbids eval, and zod would probe for it
 * (`new Function`) to compile faster object parsers: the probe alone reports a CSP violation. Zod decides
 * when an object schema is built, so every module that builds one imports this file first.
 */
z.config({ jitless: true });

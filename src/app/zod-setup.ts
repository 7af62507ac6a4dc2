/**
 * Imported before anything that defines a zod schema: zod 4 probes `new Function` when a schema is
 * created, which the page's Content-Security-Policy (no eval) reports as a violation. Jitless mode
 * skips the probe; validation is the same, only not compiled.
 */
import { z } from 'zod';

z.config({ jitless: true });

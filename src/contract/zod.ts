/**
 * zod for every schema of the contract and the app. In a page or a worker the schemas are made jitless:
 * zod 4 probes `new Function` when a schema is made, which the page's Content-Security-Policy (no eval)
 * reports as a violation. Setting it here, in the module every schema imports, makes it hold whatever
 * order the bundler's chunks run in (src/app/zod-setup.ts alone ran after a shared schema chunk once the
 * documents and corrections code split one out). Node keeps zod's compiled checks.
 */
import { z } from 'zod';

if (typeof window !== 'undefined' || typeof (globalThis as { importScripts?: unknown }).importScripts === 'function')
  z.config({ jitless: true });

export { z };

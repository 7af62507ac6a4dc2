/**
 * Running the CLI as a user does, for the tests of what it writes (cache.test.ts, source-index.test.ts):
 * `extract(...args)` starts `src/pipeline/extract.mjs` in a new Node process, and `files(dir)` reads an
 * output folder (through its link) into relative path → bytes, so two runs compare byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const root = join(import.meta.dirname, '../../..');
const launcher = join(root, 'src/pipeline/extract.mjs');

export const extract = (...args: string[]) => spawnSync(process.execPath, [launcher, ...args], { cwd: root, encoding: 'utf8' });

/** Every file of an output folder (through its link) → its bytes, by relative path. */
export function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

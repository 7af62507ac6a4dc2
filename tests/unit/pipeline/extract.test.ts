// @vitest-environment node
/**
 * `npm run extract` runs the CLI from a cached bundle (src/pipeline/extract.mjs): it must write exactly
 * what the pipeline itself writes, and a changed source file must be picked up without a build step.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../../src/pipeline/node-flags.mjs';
import { runPipeline } from '../../../src/pipeline/run.ts';
import { writeOutputs } from '../../../src/pipeline/write.ts';

const root = join(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'sco-launcher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const inDir = join(root, 'tests/fixtures/unseen');
// What `npm run extract` runs: its script's words after `node` (Node's flags, then the launcher).
const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.extract!;
const [node, ...words] = script.split(' ');
const run = (out: string) =>
  execFileSync(process.execPath, [...words, '--in', inDir, '--out', out], { cwd: root, encoding: 'utf8', stdio: 'pipe' });

it("gives the launcher the Node flags the CLI's thread wants (node-flags.mjs), as the dev server and the bench do", () => {
  expect(node).toBe('node');
  expect(words).toEqual([...NODE_FLAGS, 'src/pipeline/extract.mjs']);
});

it('writes the same bytes as the pipeline, and rebuilds its bundle when a source is newer', () => {
  writeOutputs(join(tmp, 'direct'), runPipeline(inDir));
  run(join(tmp, 'a'));
  for (const f of ['events.json', 'statements.json', 'places.geojson', 'documents.json', 'report.json']) {
    expect(readFileSync(join(tmp, 'a', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'direct', f), 'utf8'));
  }
  // One bundle per project folder, named by a hash of its path (extract.mjs): other checkouts may share node_modules.
  const bundle = join(
    root,
    'node_modules/.cache/sco-atlas',
    `extract-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
    'cli.mjs',
  );
  const before = statSync(bundle).mtimeMs;
  const source = join(root, 'src/pipeline/titles.ts');
  const now = new Date(Date.now() + 2000);
  utimesSync(source, now, now); // as if just edited
  run(join(tmp, 'b'));
  expect(statSync(bundle).mtimeMs).toBeGreaterThan(before);
  expect(readFileSync(join(tmp, 'b', 'events.json'), 'utf8')).toBe(readFileSync(join(tmp, 'a', 'events.json'), 'utf8'));
}, 60_000);

it("runs on the data of the checkout it was started from, also one that links this one's node_modules", () => {
  // A second checkout as `git worktree add` + a link to node_modules makes one: its bundle is kept in this
  // checkout's node_modules/.cache, yet it reads its own data/ and package.json, not this one's.
  const other = join(tmp, 'checkout');
  for (const d of ['src', 'data']) cpSync(join(root, d), join(other, d), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(other, 'package.json'), JSON.stringify({ ...pkg, version: `${pkg.version}-other` }));
  symlinkSync(join(root, 'node_modules'), join(other, 'node_modules'), 'dir');
  const hash = createHash('sha256').update(other).digest('hex').slice(0, 12);
  try {
    const said = execFileSync(process.execPath, [join(other, 'src/pipeline/extract.mjs'), '--version'], { cwd: other, encoding: 'utf8' });
    expect(said.trim()).toBe(`sco-atlas ${pkg.version}-other`);
    expect(
      execFileSync(process.execPath, [join(root, 'src/pipeline/extract.mjs'), '--version'], { cwd: root, encoding: 'utf8' }).trim(),
    ).toBe(`sco-atlas ${pkg.version}`);
  } finally {
    rmSync(join(root, 'node_modules/.cache/sco-atlas', `extract-${hash}`), { recursive: true, force: true });
  }
}, 60_000);

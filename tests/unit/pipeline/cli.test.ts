// @vitest-environment node
/**
 * The command line as a person meets it (issue 15): --help on stdout with every option, the exit codes
 * and the file formats; --version; a progress line on a terminal for a long run, never in a pipe or
 * with --quiet; a wrong option named, exit 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';

const root = join(import.meta.dirname, '../../..');
const launcher = join(root, 'src/pipeline/extract.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'sco-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [launcher, ...args], { cwd: root, encoding: 'utf8' });

describe('npm run extract', () => {
  it('--help prints every option, the exit codes and the file formats on stdout', { timeout: 30_000 }, () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const s of [
      '--in DIR',
      '--out DIR',
      '--quiet',
      '--help',
      '--version',
      'Exit codes',
      '0  every document',
      '1  some document',
      '2  nothing was written',
      '.txt',
      '.html',
      '.pdf',
      'corrections.json',
      '.meta.json',
      'events.json',
      'report.json',
      '10 MB',
    ])
      expect(r.stdout).toContain(s);
    expect(run('-h').stdout).toBe(r.stdout);
  });

  it('--version prints the version in package.json', { timeout: 30_000 }, () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`sco-atlas ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`);
  });

  it('names a wrong option or a stray argument and exits 2 without writing', { timeout: 60_000 }, () => {
    for (const args of [['--bogus'], ['--in'], ['stray'], ['--out=']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^extract: .*\nSee `npm run extract -- --help`/);
    }
  });

  const corpus = join(tmp, 'corpus');
  mkdirSync(corpus);
  for (const d of generateCorpus(120, 5)) writeFileSync(join(corpus, d.name), d.text);
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it('shows no progress when stderr is not a terminal', { timeout: 60_000 }, () => {
    const r = run('--in', corpus, '--out', join(tmp, 'out-pipe'));
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/extracting \d+\/\d+/);
  });

  it.skipIf(!hasScript)('shows a progress line on a terminal for a run over a second, and none with --quiet', { timeout: 120_000 }, () => {
    // `script` runs the command on a pseudo-terminal, as a person's shell would
    // (from the first file on: whether a run of 120 small files takes over a second depends on the machine)
    const env = { ...process.env, SCO_ATLAS_PROGRESS_AFTER_MS: '0' };
    const onTty = (extra: string) =>
      execFileSync(
        'script',
        ['-qec', `${process.execPath} ${launcher} --in ${corpus} --out ${join(tmp, 'out-tty')} ${extra}`, '/dev/null'],
        { cwd: root, encoding: 'utf8', env },
      );
    expect(onTty('')).toMatch(/extracting \d+\/120: gen-\d+\.txt/);
    expect(onTty('--quiet')).not.toMatch(/extracting \d+\//);
  });
});

/**
 * The last stage: write the outputs so that they change as one.
 *
 * Every run writes its whole output set (the data files and documents/) into a new folder of its own,
 * `<runs>/run-<time>-<pid>/`, and only when all of it is on disk does one rename(2) put a symbolic link
 * at `<out>` pointing to it: every reader that opens `<out>/...` after that step sees the new run, every
 * one before it the old run, never a mix, and a run killed at any point leaves `<out>` as it was. The
 * previous run's folder is kept until the next run (a reader in the middle of it can finish); older
 * runs and the folders of killed runs are removed at the start of the next run.
 *
 * Where the runs are kept: beside `<out>` (`.<name>-runs/`), except when `<out>` is inside the
 * project's public/ folder, whose every file Vite copies into a build: then in `.extract-runs/` at the
 * top of the project. Vite copies `public/data` through the link as plain files.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { DATA_FILES } from '../contract/schema.ts';
import { joinKept, type Kept } from './join-part.ts';
import type { TextFile } from './pool-job.ts';
import { DATA_DIR, type Outputs } from './run.ts';

const PROJECT = dirname(DATA_DIR);

/** The folder that keeps the runs' folders for `out`. */
export function runsDirFor(out: string): string {
  const o = resolve(out);
  const pub = join(PROJECT, 'public') + sep;
  if (o.startsWith(pub)) return join(PROJECT, '.extract-runs', relative(pub, o).split(sep).join('_'));
  return join(dirname(o), `.${basename(o)}-runs`);
}

/** True when a process with this id is running (and so may still be writing its folder). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const pidOf = (name: string) => Number(/-(\d+)(?:\.\w+)?$/.exec(name)?.[1] ?? NaN);

/** Removes what killed runs left (their folders, their half-made links) and runs older than the current one. */
function sweep(out: string, runs: string): void {
  const current = currentTarget(out);
  for (const name of existsSync(runs) ? readdirSync(runs) : []) {
    const p = join(runs, name);
    if (p === current) continue;
    const pid = pidOf(name);
    if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) continue; // another run, still going
    rmSync(p, { recursive: true, force: true });
  }
  // A link made but not yet renamed over `out`, and the temporary folders of this writer's older versions.
  const parent = dirname(out);
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const link = name.startsWith(`.${basename(out)}.link-`);
    if (link && !alive(pidOf(name))) rmSync(join(parent, name), { force: true });
  }
  if (existsSync(out) && !lstatSync(out).isSymbolicLink()) {
    for (const name of readdirSync(out)) if (name.startsWith('.extract-tmp-')) rmSync(join(out, name), { recursive: true, force: true });
  }
}

/** The run folder `out` links to, or null when it is no link (first run, or the old layout). */
function currentTarget(out: string): string | null {
  try {
    return lstatSync(out).isSymbolicLink() ? resolve(dirname(out), readlinkSync(out)) : null;
  } catch {
    return null;
  }
}

/**
 * Every file of the outputs as its JSON text: each DATA_FILES entry whose key the outputs carry (so new
 * files come along); a file the join already wrote out as JSON (`o.json`) is taken as it is.
 */
export function outputFiles(o: Outputs): [string, string | Uint8Array][] {
  const values = o as unknown as Record<string, unknown>;
  const json = (o.json ?? {}) as Record<string, Uint8Array | Kept[] | undefined>;
  return Object.entries(DATA_FILES).flatMap(([key, name]) => {
    const kept = json[key];
    const text = kept
      ? kept instanceof Uint8Array
        ? kept
        : joinKept(kept)
      : values[key] === undefined
        ? undefined
        : JSON.stringify(values[key]);
    return text === undefined ? [] : [[name, text] as [string, string | Uint8Array]];
  });
}

let runsWritten = 0;

/**
 * Files a person put into the data folder that the pipeline does not write (a story.json of its own)
 * are copied into each new run, so they outlive the swap.
 */
function carryOver(out: string, into: string, ours: Set<string>): void {
  if (!existsSync(out)) return;
  for (const name of readdirSync(out)) {
    if (ours.has(name) || name.startsWith('.extract-tmp-')) continue;
    cpSync(join(out, name), join(into, name), { recursive: true, dereference: true });
  }
}

/** A text kept in a file (the cache's), copied as it is; one that changed since the run checked it stops the write, by name. */
function copyText(text: TextFile, to: string): void {
  copyFileSync(text.path, to);
  const size = statSync(to).size;
  if (size !== text.bytes)
    throw new Error(`${text.path} changed while the outputs were written (${size} bytes, not ${text.bytes}); run again`);
}

export function writeOutputs(outDir: string, o: Outputs, { runsDir }: { runsDir?: string } = {}): void {
  const out = resolve(outDir);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new Error(`${outDir} is a file, not a folder; give --out a folder`);
  const runs = resolve(runsDir ?? runsDirFor(out));
  mkdirSync(dirname(out), { recursive: true });
  mkdirSync(runs, { recursive: true });
  sweep(out, runs);

  // Named by time, a count within this process and the process id (last, for the sweep): never the
  // name of the folder `out` links to now, even for two runs in one second.
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  let name = `run-${stamp}-${++runsWritten}-${process.pid}`;
  while (existsSync(join(runs, name))) name = `run-${stamp}-${++runsWritten}-${process.pid}`;
  const writing = join(runs, `${name}.writing`);
  const folder = join(runs, name);
  rmSync(writing, { recursive: true, force: true });
  mkdirSync(join(writing, 'documents'), { recursive: true });
  const written = outputFiles(o);
  for (const [file, text] of written) {
    if (typeof text === 'string') writeFileSync(join(writing, file), text + '\n');
    else writeFileSync(join(writing, file), Buffer.concat([text, Buffer.from('\n')]));
  }
  const texts: [string, string | TextFile][] = [...o.texts, ...(o.textFiles ?? [])];
  for (const [id, text] of texts.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const to = join(writing, 'documents', `${id}.txt`);
    if (typeof text === 'string') writeFileSync(to, text);
    else copyText(text, to);
  }
  carryOver(out, writing, new Set([...written.map(([f]) => f), 'documents']));
  renameSync(writing, folder); // complete: from here on the next run's sweep will not take it for a leftover

  const link = join(dirname(out), `.${basename(out)}.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(out), folder), link, 'dir');
  if (existsSync(out) && !lstatSync(out).isSymbolicLink()) {
    // The old layout (a plain folder): moved aside first, so this one time there is a moment with no
    // `out` at all, never a mix. Every later run is the single rename below.
    const legacy = join(runs, `legacy-${process.pid}`);
    renameSync(out, legacy);
    renameSync(link, out);
    rmSync(legacy, { recursive: true, force: true });
  } else {
    renameSync(link, out); // the one atomic step
  }
}

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
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  writevSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { EVENT_INDEX_FILE } from '../contract/event-index-file.ts';
import { DATA_FILES } from '../contract/schema.ts';
import { joinKept, readKept, type Kept } from './join-part.ts';
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

/** The run folders no reader can be using: those of killed runs and runs older than the current one. */
function staleRuns(out: string, runs: string): string[] {
  const current = currentTarget(out);
  return (existsSync(runs) ? readdirSync(runs) : [])
    .map((name) => join(runs, name))
    .filter((p) => {
      if (p === current) return false;
      const pid = pidOf(p);
      return !(Number.isFinite(pid) && pid !== process.pid && alive(pid)); // another run, still going
    });
}

/**
 * Starts removing the stale run folders in the background (the thread pool's unlinks) while the caller
 * extracts, so that the write does not begin by deleting an old run's thousand files on the main thread
 * (~0.15 s after a 1,000-document run, profiled 7 December). `writeOutputs` still sweeps whatever is
 * left; await this first. Never rejects: what it could not remove, that sweep removes or names.
 */
export async function sweepAhead(outDir: string, { runsDir }: { runsDir?: string } = {}): Promise<void> {
  try {
    const out = resolve(outDir);
    await Promise.all(
      staleRuns(out, resolve(runsDir ?? runsDirFor(out))).map((p) => rm(p, { recursive: true, force: true }).catch(() => {})),
    );
  } catch {
    /* left to writeOutputs */
  }
}

/** Removes what killed runs left (their folders, their half-made links) and runs older than the current one. */
function sweep(out: string, runs: string): void {
  for (const p of staleRuns(out, runs)) rmSync(p, { recursive: true, force: true });
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
export const outputFiles = (o: Outputs): [string, string | Uint8Array][] =>
  outputPieces(o).map(([name, text]) => [name, typeof text === 'string' || text instanceof Uint8Array ? text : joinKept(text)]);

/** As `outputFiles`, a file the join wrote out in pieces (`Kept[]`) left in them: they are written one after another. */
function outputPieces(o: Outputs): [string, string | Uint8Array | Kept[]][] {
  const values = o as unknown as Record<string, unknown>;
  const json = (o.json ?? {}) as Record<string, Uint8Array | Kept[] | undefined>;
  const files = Object.entries(DATA_FILES).flatMap(([key, name]) => {
    const text = json[key] ?? (values[key] === undefined ? undefined : JSON.stringify(values[key]));
    return text === undefined ? [] : [[name, text] as [string, string | Uint8Array | Kept[]]];
  });
  // The page's first screen reads it before the events (contract/event-index-file.ts).
  return o.eventIndex ? [...files, [EVENT_INDEX_FILE, JSON.stringify(o.eventIndex)]] : files;
}

/** At most this many pieces per writev(2) (IOV_MAX is 1024 on Linux; a longer list is cut short). */
const PIECES_PER_WRITE = 1024;

/**
 * A data file and its final newline, written from the bytes or pieces as they are: joining them first
 * (Buffer.concat, twice: the pieces, then the newline) copied the run's ~30 MB of JSON twice on the main
 * thread, a quarter of the time after extraction (profiled 7 December).
 */
function writeData(path: string, text: string | Uint8Array | Kept[]): void {
  if (typeof text === 'string') return writeFileSync(path, text + '\n');
  const pieces = [...(text instanceof Uint8Array ? [text] : text.map(readKept)), NEWLINE].filter((p) => p.length > 0);
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < pieces.length; i += PIECES_PER_WRITE) {
      const batch = pieces.slice(i, i + PIECES_PER_WRITE);
      // writev may write less than asked (a signal, a full disk): the rest is written piece by piece.
      let done = writevSync(fd, batch);
      if (done === batch.reduce((n, p) => n + p.length, 0)) continue;
      for (const p of batch) {
        const skip = Math.min(done, p.length);
        done -= skip;
        for (let at = skip; at < p.length;) at += writeSync(fd, p, at, p.length - at);
      }
    }
  } finally {
    closeSync(fd);
  }
}
const NEWLINE = Buffer.from('\n');

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
  const written = outputPieces(o);
  for (const [file, text] of written) writeData(join(writing, file), text);
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

/**
 * The extraction cache: one file per document outcome (pool-job.ts), named by a hash of everything the
 * outcome depends on, so a run re-extracts only what changed:
 *   - the document: its file name (ids and messages carry it), its bytes and its side file's text;
 *   - the pipeline's version: a hash of its own source and the contract's (src/pipeline, src/contract)
 *     and of package-lock.json (the versions of chrono-node, pdf.js... that it runs);
 *   - the data it reads: data/gazetteer.json, data/topics.json and the places corrections.json adds
 *     (the rest of data/, the chronology, is read after extraction, in joinRun).
 * A change to any of them gives a new name; an entry that is not used is simply never read again, and
 * the oldest are removed past MAX_ENTRIES. An entry that cannot be read or does not fit is a miss.
 *
 * Entry format: two files per document. `<key>.entry` holds the outcome without its text, as JSON, with
 * the text's length in bytes; `<key>.txt` holds the text as it is. A run reads only the .entry files:
 * the text is copied file to file when the outputs are written (write.ts), never read into memory (the
 * texts were two thirds of what a one-document change read, and most of its garbage). The text is
 * written first and the entry last, each to a temporary name and renamed, so a run never reads half an
 * entry, and an entry whose text file is gone or of another size is a miss. The folder
 * (.extract-cache/ at the top of the project) is git-ignored and outside public/, so nothing of it is
 * copied into a build.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { DocOutcome } from './pool-job.ts';

/** Bump when the entry format changes. */
const FORMAT = 'sco-atlas-extract-cache 2';
export const MAX_ENTRIES = 20_000;
const TOUCH_AFTER_MS = 86_400_000;

const sha = (parts: readonly (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) {
    // Length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike.
    h.update(`${typeof p === 'string' ? Buffer.byteLength(p) : p.length}:`);
    h.update(p);
  }
  return h.digest('hex');
};

/** Every .ts/.mjs/.js file under `dir`, sorted by path (tools/ and tests are not part of a run). */
function sourceFiles(dir: string, root: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const f of readdirSync(dir, { withFileTypes: true, recursive: true }) as Dirent[]) {
    if (!f.isFile() || !/\.(?:ts|mjs|js)$/.test(f.name)) continue;
    const path = join(f.parentPath, f.name);
    const rel = relative(root, path);
    if (!rel.split('/').includes('tools')) out.push(rel);
  }
  return out.sort();
}

/** The hash of the pipeline's code: its sources, the contract's, and the installed libraries' versions. */
export function pipelineVersion(project: string): string {
  const files = [
    ...sourceFiles(join(project, 'src/pipeline'), project),
    ...sourceFiles(join(project, 'src/contract'), project),
    'package-lock.json',
  ];
  const parts: (string | Uint8Array)[] = [FORMAT];
  for (const f of files) {
    try {
      parts.push(f, readFileSync(join(project, f)));
    } catch {
      parts.push(f, 'missing');
    }
  }
  return sha(parts);
}

/** The hash of the data extraction reads: the files' text, and the places the corrections add. */
export function dataVersion(dataDir: string, added: unknown): string {
  const read = (f: string) => {
    try {
      return readFileSync(join(dataDir, f));
    } catch {
      return 'missing';
    }
  };
  return sha([read('gazetteer.json'), read('topics.json'), JSON.stringify(added)]);
}

/** The hash of a document's bytes (what the source index, source-index.ts, remembers per file). */
export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The key of one document's outcome, given the versions of the pipeline and its data, and the hash of its bytes. */
export function entryKey(
  versions: string,
  input: { file: string; docId: string; side: string | null | { unreadable: string } },
  bytesHash: string,
): string {
  const side = input.side === null ? 'none' : typeof input.side === 'string' ? `text ${input.side}` : `unreadable ${input.side.unreadable}`;
  return sha([versions, input.file, input.docId, bytesHash, side]);
}

/**
 * JSON with every character past ASCII written as a \u escape: it reads back the same, and a file of
 * ASCII only is read into one-byte strings, which V8 parses faster and keeps in half the memory (one
 * curly quote made a whole entry, and every string parsed from it, two bytes a character).
 */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export class ExtractCache {
  readonly dir: string;
  /** Entries that could not be used, each named (shown with --verbose). */
  readonly problems: string[] = [];
  hits = 0;
  misses = 0;
  constructor(dir: string) {
    this.dir = dir;
  }
  private path(key: string) {
    return join(this.dir, `${key}.entry`);
  }
  private textPath(key: string) {
    return join(this.dir, `${key}.txt`);
  }

  /**
   * The outcome stored under `key`, or undefined (none yet, or one that does not read back: named in
   * `problems`). Its text is not read: `ok.text` is the file that holds it, checked for its size.
   */
  get(key: string): DocOutcome | undefined {
    let raw: string;
    try {
      raw = readFileSync(this.path(key), 'utf8');
    } catch {
      this.misses++;
      return undefined;
    }
    let used = 0;
    try {
      const head = JSON.parse(raw) as { key?: string; textBytes?: number; outcome?: DocOutcome };
      if (head.key !== key || !head.outcome?.entry || typeof head.outcome.entry.docId !== 'string')
        throw new Error('not an entry of this cache');
      if (head.outcome.ok) {
        const path = this.textPath(key);
        const text = statSync(path, { throwIfNoEntry: false });
        if (text === undefined) throw new Error(`its text ${basename(path)} is missing`);
        if (text.size !== head.textBytes) throw new Error(`its text is ${text.size} bytes, not ${head.textBytes} (cut short?)`);
        head.outcome.ok.text = { path, bytes: text.size };
        used = text.mtimeMs;
      }
      this.hits++;
      // Recently used: kept longest by prune(), which goes by the files' times. Marked again only once a
      // day, so a run over 1,000 unchanged documents does not write 1,000 file times.
      if (used < Date.now() - TOUCH_AFTER_MS) {
        try {
          const now = new Date();
          utimesSync(this.path(key), now, now);
          if (head.outcome.ok) utimesSync(this.textPath(key), now, now);
        } catch {
          /* read-only cache: still usable */
        }
      }
      return head.outcome;
    } catch (e) {
      this.problems.push(
        `${relative(process.cwd(), this.path(key)) || this.path(key)}: unusable cache entry (${(e as Error).message}); extracted again`,
      );
      this.misses++;
      return undefined;
    }
  }

  /** Stores an outcome whose text is in memory; a cache that cannot be written is named in `problems` and the run goes on. */
  set(key: string, outcome: DocOutcome): void {
    const text = outcome.ok?.text;
    if (text !== undefined && typeof text !== 'string') return; // read from this cache: already stored
    const head = {
      key,
      textBytes: text === undefined ? 0 : Buffer.byteLength(text),
      outcome: outcome.ok ? { ...outcome, ok: { ...outcome.ok, text: undefined } } : outcome,
    };
    const tmp = (p: string) => `${p}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      // The text first: an entry that exists always has its text beside it (until pruned together).
      if (text !== undefined) {
        writeFileSync(tmp(this.textPath(key)), text);
        renameSync(tmp(this.textPath(key)), this.textPath(key));
      }
      writeFileSync(tmp(this.path(key)), asciiJson(head));
      renameSync(tmp(this.path(key)), this.path(key));
    } catch (e) {
      rmSync(tmp(this.textPath(key)), { force: true });
      rmSync(tmp(this.path(key)), { force: true });
      this.problems.push(`${this.dir}: could not store a cache entry (${(e as Error).message})`);
    }
  }

  /**
   * Keeps the folder under `max` entries by removing the least recently used ones with their texts,
   * and what killed runs left: temporary files and texts whose entry is gone (an hour old: a live run
   * renames its own within seconds).
   */
  prune(max = MAX_ENTRIES): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const hourAgo = Date.now() - 3_600_000;
    const old = (n: string) => (statSync(join(this.dir, n), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo;
    const entries = names.filter((n) => n.endsWith('.entry'));
    const keys = new Set(entries.map((n) => n.slice(0, -'.entry'.length)));
    for (const n of names)
      if ((n.endsWith('.tmp') || (n.endsWith('.txt') && !keys.has(n.slice(0, -'.txt'.length)))) && old(n))
        rmSync(join(this.dir, n), { force: true });
    if (entries.length <= max) return;
    const time = (n: string) => statSync(join(this.dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const aged = entries
      .map((n) => ({ n, t: Math.max(time(n), time(`${n.slice(0, -'.entry'.length)}.txt`)) }))
      .sort((a, b) => a.t - b.t || (a.n < b.n ? -1 : 1));
    for (const { n } of aged.slice(0, entries.length - max)) {
      rmSync(join(this.dir, n), { force: true });
      rmSync(join(this.dir, `${n.slice(0, -'.entry'.length)}.txt`), { force: true });
    }
  }
}

/** The cache folder of a project: `.extract-cache/` at its top. */
export const cacheDirOf = (dataDir: string) => join(dirname(dataDir), '.extract-cache');

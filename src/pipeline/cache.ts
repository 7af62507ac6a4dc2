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
 * Entry format: two files per document. `<key>.txt` holds the text as it is: a run never reads it, it
 * is copied file to file when the outputs are written (write.ts). `<key>.entry` holds five lines: a
 * head (JSON: the key, the text's length in bytes, the lengths of the other lines, the report's status
 * and messages, the document's metadata, place names and its part of the join, join-part.ts, whose
 * mentions are kept as arrays: cache-entry.ts), then
 * the mentions, their records of the event layer, the report entry and the statements, each as the
 * JSON text the outputs hold. A cached run reads the head and the first two lines (the last two, which
 * it only copies, are read when the outputs are written), parses only the heads and puts the texts
 * together (join-fast.ts); the records are parsed only when the run must join them one by one (a
 * corrections file). A part whose links were made against other meetings (data/chronology.json
 * changed) is linked again and its head written anew, named with --verbose. The text is written first
 * and the entry last, each to a temporary name and renamed, so a run never reads half an entry; an
 * entry of another size than its head gives, or whose text file is gone or of another size, is a miss.
 * Beside the entries, `<file>.checked` (gazetteer.json, topics.json, chronology.json): what the check of
 * that data file gave, keyed by its text and the pipeline's version, so a cached run does not check the
 * same files again (read-data-file.ts); one file each, replaced when either changes. The folder
 * (.extract-cache/ at the top of the project) is git-ignored and outside public/, so nothing of it is
 * copied into a build.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Meeting } from '../contract/chronology.ts';
import { headOf, keptBytes, LINES, NL, READ, readBack, readHeadLine, readInto, storeHead, type Head } from './cache-entry.ts';
import { meetingsFor } from './join-fast.ts';
import {
  makePart,
  meetingsHash,
  PART,
  readKept,
  relinked,
  type FileBytes,
  type JoinPart,
  type Parted,
  type PartHolder,
} from './join-part.ts';
import type { DocOutcome } from './pool-job.ts';
import { readChronologyChecked, type CheckedStore } from './read-data-file.ts';
import { DATA_DIR } from './run.ts';

/** Bump when the entry format changes. */
const FORMAT = 'sco-atlas-extract-cache 4';
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
  // One JSON array hashed in one step (unambiguous as the length-prefixed parts of `sha` are): ~35 ms of
  // a cached run over 1,000 documents went to ten hash updates per key.
  return createHash('sha256')
    .update(JSON.stringify([versions, input.file, input.docId, bytesHash, side]))
    .digest('hex');
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
  /** Where the chronology's check is remembered (read-data-file.ts), usually this folder. */
  private readonly checks?: CheckedStore;
  constructor(dir: string, checks?: CheckedStore) {
    this.dir = dir;
    this.checks = checks;
  }
  private path(key: string) {
    return join(this.dir, `${key}.entry`);
  }
  private textPath(key: string) {
    return join(this.dir, `${key}.txt`);
  }

  /** The meetings the parts' links are made against (data/chronology.json, as the layer reads it), read once (also for the pool's packed outcomes). */
  private linking?: { meetings: Meeting[]; hash: string };
  meetings() {
    if (!this.linking) {
      const meetings = meetingsFor(readChronologyChecked(DATA_DIR, this.checks));
      this.linking = { meetings, hash: meetingsHash(meetings) };
    }
    return this.linking;
  }

  /** The folder's file names, listed once: `has` over 1,000 documents was 1,000 file tests (~15 ms). */
  private listed?: Set<string>;
  /**
   * Whether an entry is stored under `key` (read and checked only by `get`, which names one removed
   * since the folder was listed, and the run extracts its document).
   */
  has(key: string): boolean {
    if (!this.listed) {
      try {
        this.listed = new Set(readdirSync(this.dir));
      } catch {
        this.listed = new Set(); // no folder yet: no entries
      }
    }
    return this.listed.has(`${key}.entry`);
  }

  /**
   * The outcome stored under `key`, or undefined (none yet, or one that does not read back: named in
   * `problems`). Its text is not read: `ok.text` is the file that holds it, checked for its size. Its
   * report entry and records are parsed from their JSON only when asked for; the join of a cached run
   * takes the part and texts it carries instead (`[PART]`).
   */
  get(key: string): (DocOutcome & Parted) | undefined {
    const path = this.path(key);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      this.misses++;
      return undefined;
    }
    let used = 0;
    try {
      // The head, then the lines the join reads (READ); the others stay in the file until written out.
      const size = fstatSync(fd).size;
      const { line, cut, have, scratch } = readHeadLine(fd, size);
      // The head is ASCII (asciiJson); the other lines stay bytes, cut where the head says.
      const head = headOf(JSON.parse(line));
      if (head.key !== key || typeof head.entry?.docId !== 'string' || !Array.isArray(head.lengths) || head.lengths.length !== LINES.length)
        throw new Error('not an entry of this cache');
      const total = cut + 1 + head.lengths.reduce((a, n) => a + n + 1, 0) - 1;
      if (total !== size) throw new Error(`it is ${size} bytes, not the ${total} its head gives (cut short?)`);
      // The lines the join reads (READ), each with the newline after it, into bytes kept for the run;
      // what the head's read brought in already is copied, the rest read.
      const first = cut + 1;
      const needed = head.lengths[0]! + 1 + head.lengths[1]! + 1;
      const kept = keptBytes(needed);
      const inHand = Math.max(0, Math.min(have - first, needed));
      scratch.copy(kept, 0, first, first + inHand);
      if (readInto(fd, kept, inHand, needed, first) < needed) throw new Error('cut short while it was read');
      let at = first;
      const lines = head.lengths.map((n, i) => {
        const start = at;
        at += n + 1;
        if (i >= READ) return { path, start, length: n, size };
        if (kept[start - first + n] !== NL) throw new Error('its lines are not the lengths its head gives');
        return kept.subarray(start - first, start - first + n);
      });
      const [events, layer, report, statements] = lines as [Buffer, Buffer, FileBytes, FileBytes];
      let texts: PartHolder['texts'] = { report, events, layer, statements };
      const ok = head.ok;
      let part: JoinPart | null = null;
      if (ok) {
        const path = this.textPath(key);
        const text = statSync(path, { throwIfNoEntry: false });
        if (text === undefined) throw new Error(`its text ${basename(path)} is missing`);
        if (text.size !== head.textBytes) throw new Error(`its text is ${text.size} bytes, not ${head.textBytes} (cut short?)`);
        used = text.mtimeMs;
        part = ok.part;
        const linking = part ? this.meetings() : undefined;
        if (part && linking && part.meetings !== linking.hash) {
          part = relinked(part, texts, ok.document.title, linking.meetings, linking.hash);
          texts = this.write(
            key,
            { ...head, ok: { ...ok, part } },
            texts,
            `its links to meetings were made against another chronology; linked again`,
          );
        }
      }
      this.hits++;
      // Recently used: kept longest by prune(), which goes by the files' times. Marked again only once a
      // day, so a run over 1,000 unchanged documents does not write 1,000 file times.
      if (used < Date.now() - TOUCH_AFTER_MS) {
        try {
          const now = new Date();
          utimesSync(this.path(key), now, now);
          if (ok) utimesSync(this.textPath(key), now, now);
        } catch {
          /* read-only cache: still usable */
        }
      }
      return readBack(head, texts, part, ok ? { path: this.textPath(key), bytes: head.textBytes } : undefined);
    } catch (e) {
      this.problems.push(`${this.shown(this.path(key))}: unusable cache entry (${(e as Error).message}); extracted again`);
      this.misses++;
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  private shown(path: string) {
    return relative(process.cwd(), path) || path;
  }

  /**
   * Writes an entry's file (to a temporary name, renamed); `why`: a rewrite, named in `problems`.
   * Returns its texts, all in memory (those that were in the file it replaces are read first).
   */
  private write(key: string, head: Head, kept: PartHolder['texts'], why?: string): PartHolder['texts'] {
    const tmp = `${this.path(key)}.${process.pid}.tmp`;
    const texts = { events: kept.events, layer: kept.layer, report: readKept(kept.report), statements: readKept(kept.statements) };
    const lines = LINES.map((k) => texts[k]);
    const lengths = lines.map((l) => l.length);
    try {
      const nl = Buffer.from('\n');
      writeFileSync(tmp, Buffer.concat([Buffer.from(asciiJson(storeHead({ ...head, lengths }))), ...lines.flatMap((l) => [nl, l])]));
      renameSync(tmp, this.path(key));
      this.listed?.add(`${key}.entry`);
      if (why) this.problems.push(`${this.shown(this.path(key))}: ${why}`);
    } catch (e) {
      removeQuietly(tmp);
      this.problems.push(`${this.dir}: could not store a cache entry (${(e as Error).message})`);
    }
    return texts;
  }

  /**
   * Stores an outcome whose text is in memory, with its part of the join (made here and given to the
   * outcome too, so the run's join does not make it again); a cache that cannot be written is named in
   * `problems` and the run goes on.
   */
  set(key: string, outcome: DocOutcome & Parted): void {
    const text = outcome.ok?.text;
    if (text !== undefined && typeof text !== 'string') return; // read from this cache: already stored
    const { meetings, hash } = this.meetings();
    const held = (outcome[PART] ??= makePart(outcome, meetings, hash));
    const ok = outcome.ok;
    const head: Head = {
      key,
      textBytes: text === undefined ? 0 : Buffer.byteLength(text),
      lengths: [],
      entry: held.entry,
      // The document as the contract reads it (makePart checked it): a cached run's join does not check it again.
      ...(ok ? { ok: { sco: ok.sco, document: held.document ?? ok.document, placeNames: ok.placeNames, part: held.part } } : {}),
    };
    const tmp = `${this.textPath(key)}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      // The text first: an entry that exists always has its text beside it (until pruned together).
      if (text !== undefined) {
        writeFileSync(tmp, text);
        renameSync(tmp, this.textPath(key));
      }
    } catch (e) {
      removeQuietly(tmp);
      this.problems.push(`${this.dir}: could not store a cache entry (${(e as Error).message})`);
      return;
    }
    this.write(key, head, held.texts);
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
      if ((n.endsWith('.tmp') || (n.endsWith('.txt') && !keys.has(n.slice(0, -'.txt'.length)))) && old(n)) removeQuietly(join(this.dir, n));
    if (entries.length <= max) return;
    const time = (n: string) => statSync(join(this.dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const aged = entries
      .map((n) => ({ n, t: Math.max(time(n), time(`${n.slice(0, -'.entry'.length)}.txt`)) }))
      .sort((a, b) => a.t - b.t || (a.n < b.n ? -1 : 1));
    for (const { n } of aged.slice(0, entries.length - max)) {
      removeQuietly(join(this.dir, n));
      this.listed?.delete(n);
      removeQuietly(join(this.dir, `${n.slice(0, -'.entry'.length)}.txt`));
    }
  }
}

/**
 * Removes a file of the cache, never throwing: in a folder this user cannot write (another user's
 * cache), what a killed run or an old entry left cannot be removed either, and the run goes on.
 */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* named with the write's own failure */
  }
}

// The cache folder of a project (`.extract-cache/` at its top) is named in paths.ts, which the command line reads first.
export { cacheDirOf } from './paths.ts';

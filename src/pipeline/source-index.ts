/**
 * The source index: per document of an input folder, its file status (size, modification and change
 * times in nanoseconds, inode, device) and the hash of its bytes, kept in the cache folder, so a cached
 * run need not read and hash the documents that did not change (reading and hashing 1,000 of them was
 * a sixth of a one-document change, and most of its garbage).
 *
 * What is trusted, and why (the rule git uses for its index): a file whose size, both times, inode and
 * device are all as recorded is taken to hold the bytes recorded. Writing a file changes its change time
 * (ctime), which no program can set back (touch, cp -p and editors set mtime only); replacing it by a
 * rename changes its inode. Clocks tick coarsely, so a file written again within the same tick as the
 * read keeps its times: a file changed in the 2 s before it was read is never recorded (it is read and
 * hashed again next run, until it has been still for that long). Anything else, or any doubt (the index
 * missing, cut short, of another format or folder), and the bytes are read and hashed: the content hash
 * stays the truth. A stale or broken index is named (with --verbose) and the run goes on without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join, relative } from 'node:path';

const FORMAT = 'sco-atlas-source-index 1';
/** How long a file must have been still before its status is trusted (see above). */
export const SETTLED_MS = 2000;

interface Recorded {
  /** size, mtime ns, ctime ns, inode, device, joined: compared as one string. */
  stat: string;
  hash: string;
}

const statKey = (s: BigIntStats) => `${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino} ${s.dev}`;

export class SourceIndex {
  readonly path: string;
  /** Why the index on disk could not be used (shown with --verbose). */
  readonly problems: string[] = [];
  private readonly inDir: string;
  private readonly known = new Map<string, Recorded>();
  private readonly next = new Map<string, Recorded>();
  private changed = false;

  /** The index of folder `inDir` (an absolute path) in cache folder `cacheDir`. */
  constructor(cacheDir: string, inDir: string) {
    this.inDir = inDir;
    this.path = join(cacheDir, `sources-${createHash('sha256').update(inDir).digest('hex').slice(0, 16)}.json`);
    let raw: string;
    try {
      raw = readFileSync(this.path, 'utf8');
    } catch {
      return; // none yet
    }
    try {
      const f = JSON.parse(raw) as { format?: unknown; folder?: unknown; files?: unknown };
      if (f.format !== FORMAT) throw new Error(`not a source index of this version (${JSON.stringify(f.format)})`);
      if (f.folder !== inDir) throw new Error(`the index of another folder (${JSON.stringify(f.folder)})`);
      if (!f.files || typeof f.files !== 'object') throw new Error('no list of files');
      for (const [file, r] of Object.entries(f.files as Record<string, unknown>)) {
        const { stat, hash } = (r ?? {}) as Partial<Recorded>;
        if (typeof stat !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
          throw new Error(`its entry for ${JSON.stringify(file)} is not a file status and a hash`);
        this.known.set(file, { stat, hash });
      }
    } catch (e) {
      this.known.clear();
      this.changed = true;
      this.problems.push(`${this.shown()}: source index not used (${(e as Error).message}); every document is read and hashed`);
    }
  }

  private shown() {
    return relative(process.cwd(), this.path) || this.path;
  }

  /** The recorded hash of `file`'s bytes when its status is as recorded, else undefined (read and hash it). */
  hashOf(file: string, stat: BigIntStats): string | undefined {
    const r = this.known.get(file);
    if (!r || r.stat !== statKey(stat)) return undefined;
    this.next.set(file, r);
    return r.hash;
  }

  /**
   * Records `file`'s hash, read from bytes whose status `stat` was taken before they were read, at
   * `readAt` (ms): only when the file had been still for SETTLED_MS by then.
   */
  record(file: string, stat: BigIntStats, hash: string, readAt: number): void {
    const newest = Number((stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs) / 1_000_000n);
    if (newest > readAt - SETTLED_MS) return;
    this.next.set(file, { stat: statKey(stat), hash });
    this.changed ||= this.known.get(file)?.stat !== statKey(stat);
  }

  /** Writes the index of this run's files (those no longer in the folder are dropped); a failure is named. */
  save(): void {
    if (!this.changed && this.next.size === this.known.size) return;
    const files = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : 1)));
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, folder: this.inDir, files }));
      renameSync(tmp, this.path);
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        /* another user's leftover in a folder this one cannot write: named below, the run goes on */
      }
      this.problems.push(`${this.shown()}: could not store the source index (${(e as Error).message})`);
    }
  }
}

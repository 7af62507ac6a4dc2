// @vitest-environment node
/**
 * Outcomes packed where they are extracted (pool-pack.ts) and sent to the main thread as bytes give the
 * atlas the same files, byte for byte, as the outcomes' objects: through the fast join (no corrections)
 * and through the slow one, which reads the records back from their JSON (a corrections file).
 * `structuredClone` copies them as a worker's message does (a Buffer arrives as a plain Uint8Array).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readChronology } from '../../../src/pipeline/events/read.ts';
import { meetingsFor } from '../../../src/pipeline/join-fast.ts';
import { meetingsHash } from '../../../src/pipeline/join-part.ts';
import { extractSource } from '../../../src/pipeline/pool-job.ts';
import { pack, unpack } from '../../../src/pipeline/pool-pack.ts';
import { DATA_DIR, joinRun, planRun, readPlanned } from '../../../src/pipeline/run.ts';
import { outputFiles } from '../../../src/pipeline/write.ts';

const SEEDS = fileURLToPath(new URL('../../../data/sources', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../../fixtures/hostile', import.meta.url));

/** Every file the run would write (data files and document texts), as bytes. */
function written(dir: string, packed: boolean): Map<string, string> {
  const plan = planRun(dir);
  const ctx = { gaz: plan.gaz, topics: plan.topics };
  const meetings = meetingsFor(readChronology(DATA_DIR));
  const linking = { meetings, hash: meetingsHash(meetings) };
  const outcomes = plan.files.map((f) => {
    const read = 'source' in f ? readPlanned(f.source) : f;
    if ('entry' in read) return read;
    const o = extractSource(read.input, ctx);
    return packed && o.ok ? unpack(structuredClone(pack(o, linking))) : o;
  });
  const out = joinRun(plan, outcomes);
  const files = new Map(outputFiles(out).map(([name, text]) => [name, Buffer.from(text).toString('base64')]));
  for (const [id, text] of out.texts) files.set(`documents/${id}.txt`, text as string);
  return files;
}

describe('packed outcomes', () => {
  it('give the same files as the objects, through the fast join', () => {
    const packed = written(SEEDS, true);
    expect(packed.size).toBeGreaterThan(5);
    expect(packed).toEqual(written(SEEDS, false));
  });

  it('give the same files as the objects with a corrections file, read back for the slow join', () => {
    const packed = written(HOSTILE, true);
    expect(JSON.parse(Buffer.from(packed.get('report.json')!, 'base64').toString()).corrections.length).toBeGreaterThan(0);
    expect(packed).toEqual(written(HOSTILE, false));
  });
});

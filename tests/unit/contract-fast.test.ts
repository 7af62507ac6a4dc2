// @vitest-environment node
/**
 * The ahead-of-time compiled checks (src/contract/build/fast-validators.ts) that the page runs before
 * zod: whatever they accept, the contract must accept too, or a broken file could reach the map
 * unexplained. Checked on real and generated files, and on many random breakages of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fast from 'virtual:sco-atlas/fast-validators';
import type { z } from 'zod';
import { generateDataset } from '../../bench/generate-dataset';
import { DATA_FILES } from '../../src/contract/schema';
import { loadSchemas } from '../../src/app/data/check';
import { StoryFile } from '../../src/contract/data-files';
import { InboundMessage } from '../../src/contract/host-messages';

const sample = join(import.meta.dirname, '../fixtures/sample/');
const files = Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[];
const read = (name: keyof typeof DATA_FILES): unknown => JSON.parse(readFileSync(join(sample, DATA_FILES[name]), 'utf8'));
const SCHEMAS = await loadSchemas();
const schemaOf = (name: keyof typeof DATA_FILES): z.ZodType => SCHEMAS[DATA_FILES[name]];

// A path into the JSON and what to put there (or delete), applied to a copy of a valid file.
const odd = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('2019-13'),
  fc.constant('2019-02-30x'),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant([200, 95]),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
);
const breakAt = (json: unknown, pick: number[], value: unknown): unknown => {
  const copy = structuredClone(json) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (let depth = 0; depth < pick.length; depth++) {
    const keys = Object.keys(at);
    if (!keys.length) break;
    const key = keys[pick[depth]! % keys.length]!;
    const next = at[key];
    if (depth === pick.length - 1 || next === null || typeof next !== 'object') {
      if (value === undefined) delete at[key];
      else at[key] = value;
      break;
    }
    at = next as Record<string, unknown>;
  }
  return copy;
};

describe('the compiled checks agree with the contract', () => {
  it('accept every file of the sample corpus and of a generated one', () => {
    const generated = generateDataset(300) as unknown as Record<string, unknown>;
    for (const name of files) {
      expect(fast[name](read(name)), `sample ${name}`).toBe(true);
      const g = generated[name];
      if (g !== undefined) expect(fast[name](g), `generated ${name}`).toBe(true);
    }
  });

  it('reject a bad date deep in events.json, an empty title and a missing field, as zod does', () => {
    const events = read('events') as Record<string, unknown>[];
    const broken = [
      events.map((e, i) => (i === events.length - 1 ? { ...e, start: '2019-13' } : e)),
      events.map((e, i) => (i === 0 ? { ...e, title: '' } : e)),
      events.map((e, i) => {
        if (i !== 1) return e;
        const { precision: _, ...rest } = e;
        return rest;
      }),
    ];
    for (const b of broken) {
      expect(fast.events(b)).toBe(false);
      expect(schemaOf('events').safeParse(b).success).toBe(false);
    }
  });

  it('never accept what zod rejects, over random breakages of every file', () => {
    for (const name of files) {
      const valid = read(name);
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), odd, (pick, value) => {
          const broken = breakAt(valid, pick, value);
          if (fast[name](broken)) expect(schemaOf(name).safeParse(broken).success).toBe(true);
        }),
        { numRuns: 400, seed: 20261123 },
      );
    }
  });

  it("never accept what zod rejects for story.json and a host page's messages (NaN and Infinity included)", () => {
    const story = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/story.json'), 'utf8')) as unknown;
    const messages: unknown[] = [
      { type: 'sco-atlas:goto', step: 3 },
      { type: 'sco-atlas:play', seconds: 8 },
      { type: 'sco-atlas:next' },
      { type: 'sco-atlas:pause', extra: 'kept out' },
    ];
    const numbers = fc.oneof(odd, fc.constantFrom(NaN, Infinity, -Infinity, 0, 1_000_001, 3601));
    const cases: Array<[string, (json: unknown) => boolean, z.ZodType, unknown]> = [
      ['story', fast.story, StoryFile, story],
      ...messages.map((m): [string, (json: unknown) => boolean, z.ZodType, unknown] => ['inbound', fast.inbound, InboundMessage, m]),
    ];
    for (const [name, check, schema, valid] of cases) {
      expect(check(valid), name).toBe(true);
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), numbers, (pick, value) => {
          const broken = breakAt(valid, pick, value);
          if (check(broken)) expect(schema.safeParse(broken).success, `${name} ${JSON.stringify(broken)}`).toBe(true);
        }),
        { numRuns: 300, seed: 20261206 },
      );
    }
    // The refinement zod alone checked: a story step must name its event somehow.
    expect(fast.story({ steps: [{ caption: 'no event named' }] })).toBe(false);
    expect(fast.inbound({ type: 'sco-atlas:play', seconds: NaN })).toBe(false);
  });
});

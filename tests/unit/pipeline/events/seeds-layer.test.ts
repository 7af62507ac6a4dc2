// @vitest-environment node
/**
 * The bundled corpus (data/sources, the seeds) through the whole pipeline: its event layer holds the
 * four summits the product is known for, each once, with its full span and proper name, in order
 * Qingdao 2018 → Bishkek 2019 → Moscow 2020 (online) → Astana 2024; every mention points to an event.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LayerEvents } from '../../../../src/contract/schema.ts';
import { runPipeline } from '../../../../src/pipeline/run.ts';
import { SEEDS_DIR } from '../../../../src/pipeline/testing.ts';

const out = runPipeline(SEEDS_DIR);
const tmp = mkdtempSync(join(tmpdir(), 'sco-layer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The run writes the layer without checking it against the contract again (run.ts): it must already
 * be what the contract accepts, field for field and in the contract's order (the bytes written).
 */
function expectContractShape(layer: unknown[]) {
  const parsed = LayerEvents.safeParse(layer);
  expect(parsed.success, parsed.error?.message).toBe(true);
  expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(layer));
}

describe('the event layer of the bundled corpus', () => {
  it('is what the contract reads, as written', () => expectContractShape(out.layer));

  it('has exactly the four Heads-of-State meetings, linked, with full spans and proper names', () => {
    const summits = out.layer.filter((e) => e.meeting?.body === 'heads-of-state');
    expect(summits.map((e) => [e.id, e.start, e.end, e.placeId, e.online, e.title])).toEqual([
      ['chs-2018', '2018-06-09', '2018-06-10', 'qingdao-cn', false, '18th meeting of the SCO Council of Heads of State, Qingdao'],
      ['chs-2019', '2019-06-13', '2019-06-14', 'bishkek-kg', false, '19th meeting of the SCO Council of Heads of State, Bishkek'],
      ['chs-2020', '2020-11-10', undefined, 'moscow-ru', true, '20th meeting of the SCO Council of Heads of State, Moscow'],
      ['chs-2024', '2024-07-03', '2024-07-04', 'astana-kz', false, '24th meeting of the SCO Council of Heads of State, Astana'],
    ]);
    for (const e of summits) expect(e.link?.reason).toMatch(/^linked: /);
  });

  it('keeps every mention with its own date, each pointing to an event of the layer', () => {
    const ids = new Set(out.layer.map((e) => e.id));
    for (const m of out.events) expect(ids.has(m.eventId!), m.id).toBe(true);
    const moscow = out.events.find((m) => m.link?.meetingId === 'chs-2020');
    expect(moscow).toMatchObject({ start: '2020-11-10', placeId: 'moscow-ru' });
    const qingdao = out.events.find((m) => m.link?.meetingId === 'chs-2018');
    expect(qingdao?.start).toBe('2018-06-10');
    // every statement stays reachable: the layer's statements are all the mentions' statements
    expect(new Set(out.layer.flatMap((e) => e.statementIds))).toEqual(new Set(out.events.flatMap((e) => e.statementIds)));
    expect(out.meetings.filter((m) => m.mentioned).map((m) => m.id)).toEqual(
      expect.arrayContaining(['chs-2018', 'chs-2019', 'chs-2020', 'chs-2024']),
    );
  });

  it('the UN forum page (no word of the SCO) gives no SCO event', () => {
    const un = out.layer.filter((e) => e.docIds.includes('002_6a425d32ee40c500'));
    expect(un.length).toBeGreaterThan(0);
    for (const e of un) expect(e.sco, e.title).toBe(false);
  });

  it('a correction links and unlinks by mention id, and a bad entry is named', () => {
    const dir = join(tmp, 'corrected');
    mkdirSync(dir);
    for (const f of readdirSync(SEEDS_DIR)) if (f.endsWith('.txt')) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    const bishkek = out.events.find((m) => m.link?.meetingId === 'chs-2019')!;
    writeFileSync(
      join(dir, 'corrections.json'),
      JSON.stringify({
        corrections: [
          { action: 'unlink', mentionId: bishkek.id, reason: 'the concept, not the summit' },
          { action: 'link', mentionId: bishkek.id.replace('2019-06-14', '2019-01-01'), meetingId: 'chs-2019', reason: 'no such mention' },
        ],
      }),
    );
    const fixed = runPipeline(dir);
    expectContractShape(fixed.layer);
    expect(fixed.layer.some((e) => e.id === 'chs-2019')).toBe(false);
    expect(fixed.events.find((m) => m.id === bishkek.id)?.eventId).toBe(bishkek.id);
    expect(fixed.report.corrections).toEqual([
      'corrections.json: 1 of 2 corrections applied',
      expect.stringMatching(/entry 1 \(link\): no mention .*; skipped$/),
    ]);
  });
});

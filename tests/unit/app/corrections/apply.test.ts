// @vitest-environment node
/**
 * Fixes made in the page (issue 12) go through the pipeline's corrections code: applied to the data
 * folder's records they give the events the CLI gives with the same corrections.json, and a fix that no
 * longer matches anything is reported as stale (with the entry and the id), never dropped in silence.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Correction } from '../../../../src/contract/data-files';
import { applyFixes } from '../../../../src/app/corrections/apply';
import { searchPlaces } from '../../../../src/app/corrections/places';
import type { AddedDocument, BundledCorpus } from '../../../../src/app/documents/corpus';
import { loadData, runPipeline } from '../../../../src/pipeline/run';

const root = join(import.meta.dirname, '../../../..');
const tmp = mkdtempSync(join(tmpdir(), 'sco-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const seeds = runPipeline(join(root, 'data/sources'));
const bundled: BundledCorpus = {
  mentions: seeds.events,
  statements: seeds.statements,
  documents: seeds.documents,
  places: seeds.places.features,
  layer: seeds.layer,
  meetings: seeds.meetings,
};
const gaz = new Map(loadData().gazetteer.places.map((p) => [p.id, p]));
const bishkek = seeds.events.find((e) => e.placeId === 'bishkek-kg' && e.start.startsWith('2019-06'))!;
const view = (events: { id: string; start: string; end?: string; placeId: string | null; title: string }[]) =>
  events.map((e) => ({ id: e.id, start: e.start, end: e.end, placeId: e.placeId, title: e.title }));

const fixes: Correction[] = [
  { action: 'update-event', id: bishkek.id, set: { start: '2019-06-20', end: '2019-06-21', placeId: 'samarkand-uz' }, reason: 'test' },
  { action: 'update-event', id: 'gone-document:2020-01-01', set: { title: 'Nothing' }, reason: 'test' },
];

describe('fixes applied in the page', () => {
  it('move the event, and the CLI with the same corrections.json gives the same events', () => {
    const { corpus } = applyFixes(bundled, fixes, (id) => gaz.get(id));
    const moved = corpus.events.find((e) => e.mentionIds.includes(bishkek.id))!;
    expect(moved).toMatchObject({ start: '2019-06-20', end: '2019-06-21', placeId: 'samarkand-uz' });
    expect(corpus.places.features.map((f) => f.properties.id)).toContain('samarkand-uz');

    const docs = join(tmp, 'docs');
    cpSync(join(root, 'data/sources'), docs, { recursive: true });
    writeFileSync(join(docs, 'corrections.json'), JSON.stringify({ corrections: fixes }));
    const cli = runPipeline(docs);
    expect(view(corpus.events)).toEqual(view(cli.layer));
    expect(corpus.places.features.map((f) => f.properties.id).sort()).toEqual(cli.places.features.map((f) => f.properties.id).sort());
  });

  it('report a fix whose event is gone as stale, by entry and id, and apply the rest', () => {
    const { stale } = applyFixes(bundled, fixes, (id) => gaz.get(id));
    expect(stale).toEqual([
      { index: 1, message: expect.stringMatching(/entry 1 \(update-event\): no event with id "gone-document:2020-01-01"/) },
    ]);
  });

  it('leave the data folder records as they were (each change applies the whole list again)', () => {
    const before = JSON.stringify(bundled);
    applyFixes(bundled, fixes, (id) => gaz.get(id));
    expect(JSON.stringify(bundled)).toBe(before);
  });
});

describe('merge, detach and link fixes in the page', () => {
  it('give the events and statements the CLI gives with the same corrections.json', () => {
    const plain = seeds.layer.filter((e) => !e.meeting && e.statementIds.length > 0);
    const [a, b, other] = [plain[0]!, plain[plain.length - 1]!, plain[1]!];
    const sid = a.statementIds[0]!;
    const under = seeds.statements.find((s) => s.id === sid)!.eventIds.find((m) => a.mentionIds.includes(m))!;
    const layerFixes: Correction[] = [
      { action: 'merge-events', mentionIds: [a.mentionIds[0]!, b.mentionIds[0]!], reason: 'test' },
      { action: 'detach-statement', statementId: sid, mentionId: under, reason: 'test' },
      { action: 'link', mentionId: other.mentionIds[0]!, meetingId: 'chs-2024', reason: 'test' },
    ];
    const { corpus, stale } = applyFixes(bundled, layerFixes, (id) => gaz.get(id));
    expect(stale).toEqual([]);
    const merged = corpus.events.filter((e) => e.mentionIds.includes(a.mentionIds[0]!) || e.mentionIds.includes(b.mentionIds[0]!));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.statementIds).not.toContain(sid);
    expect(corpus.events.find((e) => e.mentionIds.includes(other.mentionIds[0]!))!.id).toBe('chs-2024');

    const docs = join(tmp, 'layer-docs');
    cpSync(join(root, 'data/sources'), docs, { recursive: true });
    writeFileSync(join(docs, 'corrections.json'), JSON.stringify({ corrections: layerFixes }));
    const cli = runPipeline(docs);
    expect(cli.report.corrections.filter((m) => m.endsWith('skipped'))).toEqual([]);
    expect(corpus.events).toEqual(cli.layer);
    expect(corpus.statements).toEqual(cli.statements);
  });
});

describe('a data folder whose own corrections.json merged events', () => {
  it('keeps the merge when the page applies a new fix, as the CLI does with both files', () => {
    const [a, b] = ['004_03b34fe1c9b4c7e7:2019-08-30', '004_03b34fe1c9b4c7e7:2019-09-25'];
    const own: Correction[] = [{ action: 'merge-events', mentionIds: [b, a], reason: 'one event' }];
    const docs = join(tmp, 'merged-docs');
    cpSync(join(root, 'data/sources'), docs, { recursive: true });
    writeFileSync(join(docs, 'corrections.json'), JSON.stringify({ corrections: own }));
    const merged = runPipeline(docs);
    const folder: BundledCorpus = {
      mentions: merged.events,
      statements: merged.statements,
      documents: merged.documents,
      places: merged.places.features,
      layer: merged.layer,
      meetings: merged.meetings,
    };
    const { corpus, stale } = applyFixes(folder, [fixes[0]!], (id) => gaz.get(id));
    expect(stale).toEqual([]);
    expect(corpus.events.find((e) => e.mentionIds.includes(a))).toMatchObject({ id: b, mentionIds: [a, b] });
    writeFileSync(join(docs, 'corrections.json'), JSON.stringify({ corrections: [...own, fixes[0]] }));
    expect(corpus.events).toEqual(runPipeline(docs).layer);
  });
});

describe("fixes and the user's own documents", () => {
  it("apply to an added document's event too, and keep the added documents in the atlas", () => {
    // One seed document played as if the user had added it in the page.
    const id = bishkek.docId;
    const folder: BundledCorpus = {
      ...bundled,
      mentions: seeds.events.filter((e) => e.docId !== id),
      statements: seeds.statements.filter((s) => s.docId !== id),
      documents: seeds.documents.filter((d) => d.id !== id),
    };
    const added: AddedDocument[] = [
      {
        document: seeds.documents.find((d) => d.id === id)!,
        text: seeds.texts.get(id)!,
        events: seeds.events.filter((e) => e.docId === id),
        statements: seeds.statements.filter((s) => s.docId === id),
        // a name its text used for a city the folder has too: the atlas must keep it once there is a fix
        placeNames: [['moscow-ru', ['Moskva']]],
      },
    ];
    const { corpus, stale } = applyFixes(folder, fixes.slice(0, 1), (pid) => gaz.get(pid), added);
    expect(corpus.places.features.find((f) => f.properties.id === 'moscow-ru')?.properties.aliases).toContain('Moskva');
    expect(stale).toEqual([]);
    expect(corpus.documents.map((d) => d.id)).toContain(id);
    expect(corpus.events.find((e) => e.mentionIds.includes(bishkek.id))).toMatchObject({ start: '2019-06-20', placeId: 'samarkand-uz' });
  });
});

describe('the place search', () => {
  it('finds a city by the start of any of its names, accents and case aside, larger places first', () => {
    expect(searchPlaces(gaz, 'samark', 3)[0]!.id).toBe('samarkand-uz');
    expect(searchPlaces(gaz, 'Самарк', 3)[0]?.id).toBe('samarkand-uz');
    expect(searchPlaces(gaz, 'zzzz', 3)).toEqual([]);
  });
});

/**
 * The event editor (issue 12) made into a one-day event: a two-day forum whose "Last day" is
 * emptied is saved as `"end": null`, which the corrections code reads as "no last day", so the
 * event the page shows (and the CLI writes) spans one day. Before, an emptied field saved nothing
 * ("Nothing was changed"), and a hand-written `"end": null` was refused as not a string.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Correction } from '../../../../src/contract/data-files';
import EventEditor from '../../../../src/app/corrections/EventEditor.svelte';
import { applyFixes } from '../../../../src/app/corrections/apply';
import type { Fixes } from '../../../../src/app/corrections/fixes.svelte';
import type { BundledCorpus } from '../../../../src/app/documents/corpus';
import { SAMPLE, sampleData, withAtlas } from '../sample';

const read = (file: string) => JSON.parse(readFileSync(join(SAMPLE, file), 'utf8'));
const folder: BundledCorpus = {
  mentions: read('events.json'),
  statements: read('statements.json'),
  documents: read('documents.json'),
  places: read('places.geojson').features,
  layer: read('event-layer.json'),
  meetings: read('meetings.json'),
};

/** Edits the Fifth Directors General Forum of 27–28 November 2023 (no chronology meeting: its own dates) with `change`, saves, and returns the fixes asked for. */
async function edit(change: (form: HTMLFormElement) => Promise<void>): Promise<Correction[]> {
  const { context } = withAtlas(await sampleData());
  const asked: Correction[] = [];
  const fixes = { add: async (entries: Correction[]) => void asked.push(...entries), meetings: async () => [] } as unknown as Fixes;
  const { container, unmount } = render(EventEditor, { props: { fixes, id: 'ev-forum-2023', onclose: () => {} }, context });
  flushSync();
  const form = container.querySelector<HTMLFormElement>('[data-testid="event-editor"] form')!;
  await change(form);
  await fireEvent.submit(form);
  expect(container.querySelector('[role="alert"]')).toBeNull();
  unmount();
  return asked;
}
const field = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('the event editor, a two-day event made one day', () => {
  it('saves an emptied last day as end: null, and the event then has no last day', async () => {
    const asked = await edit(async (form) => {
      expect(field(form, 'end').value).toBe('2023-11-28');
      await fireEvent.input(field(form, 'end'), { target: { value: '' } });
    });
    expect(asked).toEqual([expect.objectContaining({ action: 'update-event', id: 'ev-forum-2023', set: { end: null } })]);

    const { corpus, stale } = applyFixes(folder, asked, () => undefined);
    expect(stale).toEqual([]);
    const forum = corpus.events.find((e) => e.mentionIds.includes('ev-forum-2023'))!;
    expect(forum.start).toBe('2023-11-27');
    expect(forum.end).toBeUndefined();
    // The data files the page downloads (and the CLI writes) carry no end either.
    expect(JSON.parse(JSON.stringify(forum))).not.toHaveProperty('end');
  });

  it('still saves a new last day as a date, and leaves it alone when it is not touched', async () => {
    const later = await edit(async (form) => void (await fireEvent.input(field(form, 'end'), { target: { value: '2023-11-29' } })));
    expect(later[0]).toMatchObject({ set: { end: '2023-11-29' } });
    const moved = await edit(async (form) => void (await fireEvent.input(field(form, 'start'), { target: { value: '2023-11-26' } })));
    expect(moved[0]!.action === 'update-event' && moved[0]!.set).toEqual({ start: '2023-11-26' });
  });
});

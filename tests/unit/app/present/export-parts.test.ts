// @vitest-environment node
/**
 * The words and timing of the PNG and video exports (issue 13): the selected city's panel with dated
 * statements, the story card, and scripts that keep each step its time.
 */
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../../../src/app/i18n';
import { cityPanel, legendLabels, PANEL_STATEMENTS, storyCard } from '../../../../src/app/present/png-parts';
import { buildStory } from '../../../../src/app/present/story';
import { playbackScript, storyScript } from '../../../../src/app/present/video';
import { contain, frameLayout } from '../../../../src/app/present/video-frame';
import { sampleData } from '../sample';

describe('the PNG panel of a selected city', () => {
  it("lists a city's statements with their dates, at most PANEL_STATEMENTS, and says how many more there are", async () => {
    const data = await sampleData();
    // The sample's busiest city.
    const busiest = [...data.statementsByPlace.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const panel = cityPanel(data, busiest[0], data.events)!;
    const place = data.places[data.placeIndex.get(busiest[0])!]!;
    expect(panel.title).toBe(place.properties.name);
    expect(panel.items.length).toBeGreaterThan(0);
    expect(panel.items.length).toBeLessThanOrEqual(PANEL_STATEMENTS);
    for (const it of panel.items) {
      expect(it.text.length).toBeGreaterThan(0);
      expect(it.date).toMatch(/\d{4}/);
    }
    const all = new Set([...(data.statementsByPlace.get(busiest[0]) ?? [])].map((s) => s.id));
    if (all.size > PANEL_STATEMENTS) expect(panel.more).toMatch(/more statements? in the atlas/);
  });

  it('is absent without a selected city, and the legend speaks the interface language', async () => {
    const data = await sampleData();
    expect(cityPanel(data, null, data.events)).toBeNull();
    expect(cityPanel(data, 'no-such-place', data.events)).toBeNull();
    expect(legendLabels().partner).toBe('Dialogue partner');
    await setLocale('ru');
    try {
      expect(legendLabels().member).toBe('Государство-член');
    } finally {
      setLocale('en');
    }
  });
});

/** The story of the sample data, as story mode builds it. */
async function sampleStory() {
  const data = await sampleData();
  return buildStory({ events: data.events, places: data.places, statements: data.statements, documents: [...data.documents.values()] });
}

describe('the video', () => {
  it("the story card says a videoconference and names the step's source", async () => {
    const story = await sampleStory();
    const online = story.steps.find((s) => s.format === 'videoconference');
    if (online) expect(storyCard(online, story.steps.length).format).toBe('held by videoconference');
    const first = storyCard(story.steps[0]!, story.steps.length);
    expect(first.count).toBe(`Step 1 of ${story.steps.length}`);
    expect(first.title.length).toBeGreaterThan(0);
  });

  it("the story card's city and country are joined as each language writes them", async () => {
    const story = await sampleStory();
    const step = story.steps.find((s) => s.placeName && s.country)!;
    expect(storyCard(step, story.steps.length).where).toMatch(/^[^，]+, [^，]+$/);
    await setLocale('zh');
    try {
      expect(storyCard(step, story.steps.length).where).toMatch(/^[^,]+，[^,]+$/); // "比什凯克，吉尔吉斯斯坦"
    } finally {
      setLocale('en');
    }
  });

  it('a story script holds each step its seconds, in order, once each', () => {
    const shown: number[] = [];
    const s = storyScript(1, 3, 2, (n) => shown.push(n));
    expect(s.durationMs).toBe(6000);
    for (let t = 0; t < 6000; t += 250) s.at(t);
    expect(shown).toEqual([1, 2, 3]);
    const late: number[] = [];
    const s2 = storyScript(1, 3, 2, (n) => late.push(n));
    s2.at(1999);
    s2.at(2000);
    s2.at(5999);
    expect(late).toEqual([1, 2, 3]);
  });

  it('a playback walks the playhead day by day from the first day to the last', () => {
    const DAY = 86_400_000;
    const days: number[] = [];
    const s = playbackScript(0, 10 * DAY, 5, (t) => days.push(t / DAY));
    for (let t = 0; t <= 5000; t += 100) s.at(t);
    expect(days[0]).toBe(0);
    expect(days.at(-1)).toBe(10);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(new Set(days).size).toBe(days.length);
  });

  it('lays out map, card, timeline and caption without overlap, and letterboxes the map', () => {
    const L = frameLayout(true);
    expect(L.map.width + L.card!.width).toBe(1280);
    expect(L.map.height + L.timeline.height + L.caption.height).toBe(720);
    expect(frameLayout(false).card).toBeNull();
    const r = contain(580, 350, L.map);
    expect(r.width / r.height).toBeCloseTo(580 / 350);
    expect(r.x).toBeGreaterThanOrEqual(L.map.x);
    expect(r.x + r.width).toBeLessThanOrEqual(L.map.x + L.map.width + 1e-9);
  });
});

/** The hand-written sample corpus (tests/fixtures/sample), loaded and indexed as the app would. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildIndexes, type AtlasData } from '../../../src/app/data/indexes';
import { loadRawData } from '../../../src/app/data/load';
import { AtlasState } from '../../../src/app/state/atlas.svelte';
import { atlasContext } from '../../../src/app/state/context';
import { ViewState } from '../../../src/app/state/view.svelte';

export const SAMPLE = join(import.meta.dirname, '../../fixtures/sample/');

/**
 * A copy of the sample as a data folder written before the event layer: everything but
 * event-layer.json and meetings.json (statements still name the mentions of events.json).
 */
export function sampleBeforeLayer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-before-layer-'));
  cpSync(SAMPLE, dir, { recursive: true, filter: (f) => !['event-layer.json', 'meetings.json'].includes(basename(f)) });
  return dir + '/';
}

export async function fsFetch(url: string): Promise<Response> {
  try {
    return new Response(readFileSync(url, 'utf8'));
  } catch {
    return new Response('not found', { status: 404 });
  }
}

/** The sample as the app shows it; `base`: another data folder (e.g. `sampleBeforeLayer()`). */
export async function sampleData(base = SAMPLE): Promise<AtlasData> {
  const { data } = await loadRawData(base, fsFetch);
  return buildIndexes(data, base);
}

/** jsdom has no ResizeObserver; the components only need it to exist. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/**
 * A ResizeObserver that reports each observed element at `size` once, as a browser does after its
 * first layout (the timeline lays out and paints its marks only once it knows its size).
 */
export function stubSizedResizeObserver(size: { width: number; height: number }): void {
  globalThis.ResizeObserver ??= class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback([{ target, contentRect: size } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** The atlas state over `data` and the context a component needs to find it (as App.svelte sets it). */
export function withAtlas(
  data: AtlasData,
  view = new ViewState(),
): { atlas: AtlasState; view: ViewState; context: Map<symbol, AtlasState> } {
  const atlas = new AtlasState(view);
  atlas.data = data;
  return { atlas, view, context: atlasContext(atlas) };
}

/** The hand-written sample corpus (tests/fixtures/sample), loaded and indexed as the app would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndexes, type AtlasData } from '../../../src/app/data/indexes';
import { loadRawData } from '../../../src/app/data/load';
import { AtlasState } from '../../../src/app/state/atlas.svelte';
import { atlasContext } from '../../../src/app/state/context';
import { ViewState } from '../../../src/app/state/view.svelte';

export const SAMPLE = join(import.meta.dirname, '../../fixtures/sample/');

export async function fsFetch(url: string): Promise<Response> {
  try {
    return new Response(readFileSync(url, 'utf8'));
  } catch {
    return new Response('not found', { status: 404 });
  }
}

export async function sampleData(): Promise<AtlasData> {
  const { data } = await loadRawData(SAMPLE, fsFetch);
  return buildIndexes(data, SAMPLE);
}

/** jsdom has no ResizeObserver; the components only need it to exist. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/** The atlas state over `data` and the context a component needs to find it (as App.svelte sets it). */
export function withAtlas(data: AtlasData, view = new ViewState()): { atlas: AtlasState; view: ViewState; context: Map<symbol, AtlasState> } {
  const atlas = new AtlasState(view);
  atlas.data = data;
  return { atlas, view, context: atlasContext(atlas) };
}

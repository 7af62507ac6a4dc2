/**
 * The atlas state's context, with a typed key: `setAtlas` in the root component (App.svelte), `getAtlas`
 * in any component below it. Tests render a component with `atlasContext(atlas)` as its context.
 */
import { getContext, hasContext, setContext } from 'svelte';
import type { AtlasState } from './atlas.svelte';

const KEY: unique symbol = Symbol('sco-atlas state');

export function setAtlas(atlas: AtlasState): AtlasState {
  return setContext(KEY, atlas);
}

export function getAtlas(): AtlasState {
  if (!hasContext(KEY))
    throw new Error('getAtlas(): no atlas state above this component (App.svelte sets it; tests pass atlasContext(atlas)).');
  return getContext<AtlasState>(KEY);
}

/** The atlas state above this component, or null (a component that also works on its own). */
export function findAtlas(): AtlasState | null {
  return hasContext(KEY) ? getContext<AtlasState>(KEY) : null;
}

/** A context map holding the atlas state, for `mount`/`render` options. */
export function atlasContext(atlas: AtlasState): Map<symbol, AtlasState> {
  return new Map([[KEY, atlas]]);
}

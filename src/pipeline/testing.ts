/** Shared by the pipeline's tests: the real gazetteer and topic lists from data/, loaded once. */
import { join } from 'node:path';
import type { Context } from './document.ts';
import { Gazetteer } from './gazetteer.ts';
import { DATA_DIR, loadData } from './run.ts';
import { TopicMatcher } from './topics.ts';

let ctx: Context | undefined;
export function context(): Context {
  if (!ctx) {
    const data = loadData();
    ctx = { gaz: new Gazetteer(data.gazetteer), topics: new TopicMatcher(data.topics) };
  }
  return ctx;
}

export const SEEDS_DIR = join(DATA_DIR, 'sources');

/**
 * The pipeline's programmatic entry: run it over a folder, write the files, or use a stage alone.
 *
 *   import { runPipeline, writeOutputs } from './src/pipeline/index.ts';
 *   writeOutputs('out', runPipeline('data/sources'));
 */
export { runPipeline, loadData, type Outputs } from './run.ts';
export { writeOutputs } from './write.ts';
export { extractDocument, type Context, type DocResult } from './document.ts';
export { decode } from './decode.ts';
export { paragraphs, sentences } from './segment.ts';
export { findDates } from './dates.ts';
export { findPlaces, findDateline } from './places.ts';
export { attach, clauses } from './clauses.ts';
export { Gazetteer } from './gazetteer.ts';
export { TopicMatcher } from './topics.ts';
export { parseCorrections, Correction } from './corrections.ts';

/**
 * story.json (data/story.json, served next to the pipeline's output) read step by step against the
 * contract (data-files.ts StoryFile): each problem names the file and the step, a bad step is skipped
 * and the good ones kept; a file that is not a story at all gives null (every event is shown). The page
 * loads this (and zod) only for a file its compiled check refused (src/app/present/story.ts).
 */
import { z } from './zod.ts';
import { checkData, checkDataFile, StoryFile, StoryStepSpec } from './data-files.ts';

/** The file with its steps unchecked, so each step can be checked (and skipped) on its own. */
const StoryFrame = StoryFile.extend({ steps: z.array(z.unknown()) });

export function checkStoryFile(text: string, name: string): { file: StoryFile | null; notices: string[] } {
  const frame = checkDataFile(name, StoryFrame, text);
  if (!frame.ok) return { file: null, notices: frame.problems.map((p) => `${p}; showing every event instead`) };
  const steps: StoryStepSpec[] = [];
  const notices: string[] = [];
  frame.data.steps.forEach((step, i) => {
    const r = checkData(name, StoryStepSpec, step, ['steps', i]);
    if (r.ok) steps.push(r.data);
    else notices.push(...r.problems.map((p) => `${p}; step ${i + 1} skipped`));
  });
  return { file: { ...frame.data, steps }, notices };
}

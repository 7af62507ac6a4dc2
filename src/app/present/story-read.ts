/**
 * Reading data/story.json (served as story.json next to the pipeline's output) for story mode. Apart
 * from story.ts (the steps, which the presentation controller needs from the start) so that its
 * compiled check comes only with present/'s chunk, after the first screen.
 */
import * as fast from 'virtual:sco-atlas/fast-validators/present';
import type { StoryFile } from '../../contract/data-files';

/**
 * story.json's text → the story file and notices naming each problem (file and step). A bad step is
 * skipped and the good ones kept; a file that is not a story at all gives null (every event is shown).
 * Static hosts (and vite preview) answer a missing file with index.html: that is "no story file".
 * A sound file passes the contract's check compiled ahead of time; only a file it refuses loads the
 * schemas (and zod) to say what is wrong, step by step (src/contract/story-file.ts).
 */
export async function readStoryFile(text: string, name = 'story.json'): Promise<{ file: StoryFile | null; notices: string[] }> {
  if (/^\s*</.test(text)) return { file: null, notices: [] };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a byte-order mark some editors add
  } catch {
    json = undefined; // named with its line and column by the full check
  }
  if (json !== undefined && fast.story(json)) return { file: json as StoryFile, notices: [] };
  const { checkStoryFile } = await import('../../contract/story-file');
  return checkStoryFile(text, name);
}

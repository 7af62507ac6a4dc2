/** Word wrap for text drawn on a canvas (the PNG caption and panels, the video's captions). */

const MAX_CAPTION_LINES = 5;

/** Greedy word wrap with a measuring function (canvas measureText in the browser, a stub in tests). */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines = MAX_CAPTION_LINES): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && measure(`${last} …`) > maxWidth) last = last.replace(/\s*\S+$/, '');
  kept[maxLines - 1] = `${last} …`;
  return kept;
}

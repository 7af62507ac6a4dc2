/**
 * Links and snippets for sharing and embedding a view. Pure string work over URLs, so the dialog
 * stays thin and these rules (which parameters an embed keeps, how the snippet is escaped) are tested.
 */

/** Parameters that only make sense inside a frame or a kiosk; the full view drops them. */
const PRESENTATION_ONLY = ['embed', 'autoplay', 'origins', 'story', 'step'];

/**
 * Sets or removes query parameters while leaving every other pair exactly as written. URLSearchParams
 * would re-encode the whole query (`map=37.6,55.7,4` becomes `map=37.6%2C55.7%2C4`), which makes
 * shared links needlessly unreadable.
 */
export function editQuery(href: string, changes: Record<string, string | null>): string {
  const url = new URL(href);
  const keep = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => {
      if (!pair) return false;
      const key = decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' '));
      return !(key in changes);
    });
  for (const [k, v] of Object.entries(changes)) {
    if (v !== null) keep.push(`${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`);
  }
  url.search = keep.length ? `?${keep.join('&')}` : '';
  return url.href;
}

/** The same view as a full app page (the "Open full view" link of an embed). */
export function fullViewUrl(href: string): string {
  return editQuery(href, Object.fromEntries(PRESENTATION_ONLY.map((p) => [p, null])));
}

/** The same view for an iframe: `embed=1`, every view parameter kept. */
export function embedUrl(href: string, extra: Record<string, string | null> = {}): string {
  const url = new URL(editQuery(href, { embed: '1', ...extra }));
  url.hash = '';
  return url.href;
}

/** A link to this exact view, for pasting into chat or email (drops presentation-only params). */
export function shareUrl(href: string): string {
  return fullViewUrl(href);
}

export interface FramePreset {
  id: string;
  label: string;
  width: number;
  height: number;
}

export const FRAME_PRESETS: readonly FramePreset[] = [
  { id: '16:9', label: '16:9 (960 × 540)', width: 960, height: 540 },
  { id: '4:3', label: '4:3 (800 × 600)', width: 800, height: 600 },
];

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Sizes people type in the custom preset: whole pixels, within what a page can hold. */
export function clampFrameSize(n: number, fallback: number): number {
  if (!Number.isFinite(n)) return fallback;
  return Math.min(4096, Math.max(200, Math.round(n)));
}

/**
 * An iframe snippet that keeps its aspect ratio when the page squeezes it (max-width + aspect-ratio),
 * allows fullscreen for the story's fullscreen button, and says what it is for screen readers.
 */
export function iframeSnippet(src: string, width: number, height: number, title = 'SCO Atlas'): string {
  const w = clampFrameSize(width, 960);
  const h = clampFrameSize(height, 540);
  return (
    `<iframe src="${escapeAttribute(src)}" width="${w}" height="${h}" title="${escapeAttribute(title)}" ` +
    `style="border:0;max-width:100%;height:auto;aspect-ratio:${w}/${h}" loading="lazy" allow="fullscreen"></iframe>`
  );
}

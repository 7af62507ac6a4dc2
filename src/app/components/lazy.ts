/**
 * Parts of the page that the first screen (map, timeline, controls) does not show, each fetched as a
 * chunk of its own the first time it is asked for, and only once: the side column's city panel, the
 * share dialog, exports and story mode (present/), the document reader. Their code used to be in the
 * page's first script, which the browser must download, parse and run before anything is drawn.
 */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};

/** Share, exports, story mode and the host page's messages (present/Presentation.svelte). */
export const presentLayer = once(() => import('../present/Presentation.svelte'));
/** The document reader (DocumentView.svelte), opened from a statement or by a link. */
export const documentView = once(() => import('./DocumentView.svelte'));
/** A city's or an event's statements (StatementPanel.svelte), fetched after the first picture so a click never waits. */
export const statementPanel = once(() => import('./StatementPanel.svelte'));

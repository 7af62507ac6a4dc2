/**
 * `use:boxHeight={(h) => ...}`: an element's border-box height, as its ResizeObserver reports it.
 * Svelte's `bind:clientHeight` reads `clientHeight` from the element when it mounts, which forces a
 * layout of the whole page in the middle of the first render (~30-90 ms of the seeds' first screen in
 * load profiles); the observer's first report comes after the browser's own layout, for free.
 */
export function boxHeight(el: HTMLElement, set: (h: number) => void) {
  let current = set;
  const ro = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize?.[0];
    if (box) current(box.blockSize);
  });
  ro.observe(el);
  return {
    update(next: (h: number) => void) {
      current = next;
    },
    destroy() {
      ro.disconnect();
    },
  };
}

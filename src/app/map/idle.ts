/**
 * Waiting until the map has drawn everything it was given. Polled rather than only `once('idle')`: an
 * idle map fires no further idle event. Checked every frame (a cheap test), so the first idle is not
 * reported up to 50 ms late.
 */
export function whenIdle(settled: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => {
      if (settled()) resolve();
      else setTimeout(check, 16);
    };
    // A frame first, so changes made just before are part of what we wait for.
    requestAnimationFrame(check);
  });
}

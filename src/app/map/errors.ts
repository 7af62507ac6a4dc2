/** Turns the browser's WebGL failure into words a user can act on (kept apart from maplibre-gl). */
export function explainMapError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/webgl/i.test(msg))
    return `The map needs WebGL2, which this browser or device could not start (${msg}). The timeline and statements still work.`;
  return `The map could not start (${msg}). The timeline and statements still work.`;
}

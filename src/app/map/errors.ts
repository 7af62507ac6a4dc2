import { t } from '../i18n';

/** Turns the browser's WebGL failure into words a user can act on (kept apart from maplibre-gl). */
export function explainMapError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/webgl/i.test(msg)) return t('map.noWebgl', { error: msg });
  return t('map.failed', { error: msg });
}

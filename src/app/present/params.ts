/**
 * The presentation parameters, next to the app's view parameters in the URL (and mirrored by the
 * `<sco-atlas>` element's attributes):
 *   embed=1          no chrome, fills its frame, "Open full view" link, cooperative gestures
 *   story=1          story mode; step=N (1-based) picks the step, and implies story=1
 *   autoplay=S       kiosk: advance every S seconds (2..3600), looping at the end
 *   origins=LIST     who may drive the story by postMessage (see protocol.ts); default same origin
 * Bad values are ignored with a notice that names the parameter, never a crash.
 */
export interface PresentParams {
  embed: boolean;
  story: boolean;
  step: number | null;
  autoplay: number | null;
  origins: string | null;
  notices: string[];
}

export const PRESENT_PARAM_NAMES = ['embed', 'story', 'step', 'autoplay', 'origins'] as const;

function flag(name: string, value: string | null, notices: string[]): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === '0' || v === 'false' || v === 'no' || v === 'off') return false;
  notices.push(`Ignored ${name}="${value.slice(0, 40)}": expected 1 or 0`);
  return false;
}

export function parsePresentParams(search: string | URLSearchParams | Record<string, string | null | undefined>): PresentParams {
  const get: (k: string) => string | null =
    typeof search === 'string' || search instanceof URLSearchParams
      ? (
          (p) => (k: string) =>
            p.get(k)
        )(new URLSearchParams(search))
      : (k: string) => search[k] ?? null;
  const notices: string[] = [];
  const embed = flag('embed', get('embed'), notices);
  let story = flag('story', get('story'), notices);

  let step: number | null = null;
  const rawStep = get('step');
  if (rawStep !== null) {
    if (/^\d{1,6}$/.test(rawStep.trim()) && Number(rawStep) >= 1) {
      step = Number(rawStep);
      story = true;
    } else notices.push(`Ignored step="${rawStep.slice(0, 40)}": expected a step number from 1`);
  }

  let autoplay: number | null = null;
  const rawAuto = get('autoplay');
  if (rawAuto !== null) {
    const s = Number(rawAuto);
    if (rawAuto.trim() !== '' && Number.isFinite(s) && s >= 2 && s <= 3600) {
      autoplay = s;
      story = true;
    } else notices.push(`Ignored autoplay="${rawAuto.slice(0, 40)}": expected seconds per step, 2 to 3600`);
  }

  const origins = get('origins');
  return { embed, story, step, autoplay, origins: origins && origins.trim() ? origins : null, notices };
}

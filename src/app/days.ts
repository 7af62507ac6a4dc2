/**
 * UTC day arithmetic shared by the data indexes, the view state and the URL: one day in milliseconds,
 * and the partial dates of the contract read as UTC days (their reader is the contract's, which the
 * pipeline uses too). No DOM, no Svelte: the loading worker uses it too.
 */
import { DAY } from '../contract/days';

export { DAY, parseDay } from '../contract/days';

/** A UTC time as `YYYY-MM-DD`. */
export function formatDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Floors a time to the start of its UTC day. */
export function dayFloor(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

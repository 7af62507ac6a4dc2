/**
 * The postMessage API a host page (a reveal.js deck, a kiosk page) uses to drive story mode in an
 * embedded SCO Atlas, and the replies it hears back. Pure: no window, no DOM; story-controller.ts
 * wires it to `message` events.
 *
 * Inbound (host → atlas), all with `type` prefixed `sco-atlas:`:
 *   { type: 'sco-atlas:goto', step: N }   show step N (1-based; clamped to 1..total)
 *   { type: 'sco-atlas:next' }            next step (stays on the last)
 *   { type: 'sco-atlas:prev' }            previous step (stays on the first)
 *   { type: 'sco-atlas:first' } / { type: 'sco-atlas:last' }
 *   { type: 'sco-atlas:get' }             just reply with the current step
 *   { type: 'sco-atlas:play', seconds?: S } / { type: 'sco-atlas:pause' }   kiosk autoplay
 * Every accepted message gets a reply, and every step change is announced to the parent:
 *   { type: 'sco-atlas:step', step, total, eventId, title, date }
 * Messages from origins that are not allowed are ignored silently (no reply: a foreign page must
 * not even learn that the atlas is there).
 */
import * as fast from 'virtual:sco-atlas/fast-validators/present';
import type { InboundMessage } from '../../contract/host-messages';

export type { InboundMessage };

export const MESSAGE_PREFIX = 'sco-atlas:';

export interface StepReply {
  type: 'sco-atlas:step';
  /** 1-based step number; 0 when the story has no steps. */
  step: number;
  total: number;
  eventId: string | null;
  title: string | null;
  /** The event's date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
}

export interface ReadyMessage {
  type: 'sco-atlas:ready';
  total: number;
}

/** Returns the message when it is one of ours and well-formed, otherwise null (never throws). */
export function parseInbound(data: unknown): InboundMessage | null {
  // The contract's schema (src/contract/host-messages.ts), compiled when the app was built.
  if (!fast.inbound(data)) return null;
  // Only the known fields go on, as the schema's own parse would give them (a host's extra keys dropped).
  const m = data as { type: InboundMessage['type']; step?: number; seconds?: number };
  if (m.type === 'sco-atlas:goto') return { type: m.type, step: m.step! };
  if (m.type === 'sco-atlas:play') return m.seconds === undefined ? { type: m.type } : { type: m.type, seconds: m.seconds };
  return { type: m.type } as InboundMessage;
}

/**
 * Which origins may drive the atlas. `spec` is the `origins` URL parameter or element attribute: a
 * comma- or space-separated list of origins such as `https://slides.example.org`, the word `self`,
 * `null` (pages opened from file://, which have an opaque origin) or `*` (anyone; only for trusted
 * kiosks). Without a spec, only the atlas's own origin may. Entries that are not origins are dropped
 * and reported, so a typo is visible instead of silently locking the deck out.
 */
export interface OriginPolicy {
  any: boolean;
  origins: Set<string>;
  rejected: string[];
}

export function parseOrigins(spec: string | null | undefined, selfOrigin: string): OriginPolicy {
  const policy: OriginPolicy = { any: false, origins: new Set(), rejected: [] };
  const entries = (spec ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) entries.push('self');
  for (const entry of entries) {
    if (entry === '*') policy.any = true;
    else if (entry === 'self') {
      if (selfOrigin !== 'null') policy.origins.add(selfOrigin);
    } else if (entry === 'null') policy.origins.add('null');
    else {
      const origin = normaliseOrigin(entry);
      if (origin) policy.origins.add(origin);
      else policy.rejected.push(entry);
    }
  }
  return policy;
}

function normaliseOrigin(entry: string): string | null {
  try {
    const u = new URL(entry);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // An origin has no path, query or fragment: reject "https://a.org/deck" rather than guess.
    if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username) return null;
    if (entry.replace(/\/$/, '') !== u.origin) return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function isAllowed(origin: string, policy: OriginPolicy): boolean {
  return policy.any || policy.origins.has(origin);
}

/** Where to post announcements to the parent: one targetOrigin per allowed origin. */
export function announceTargets(policy: OriginPolicy): string[] {
  if (policy.any) return ['*'];
  // postMessage cannot target an opaque origin by name; '*' is the only way to reach a file:// parent.
  return [...policy.origins].map((o) => (o === 'null' ? '*' : o));
}

/** What a navigation command means for the step number, given the current one (1-based). */
export function nextStepNumber(msg: InboundMessage, current: number, total: number): number {
  if (total === 0) return 0;
  const clamp = (n: number) => Math.min(total, Math.max(1, n));
  switch (msg.type) {
    case 'sco-atlas:goto':
      return clamp(msg.step);
    case 'sco-atlas:next':
      return clamp(current + 1);
    case 'sco-atlas:prev':
      return clamp(current - 1);
    case 'sco-atlas:first':
      return 1;
    case 'sco-atlas:last':
      return total;
    default:
      return clamp(current);
  }
}

/**
 * Wires the postMessage API (protocol.ts) and the clicker keys to a Presentation. Messages from
 * origins that are not allowed are dropped without a reply.
 */
import { untrack } from 'svelte';
import type { Presentation } from './controller.svelte';
import { isAllowed, nextStepNumber, parseInbound, parseOrigins, type OriginPolicy, type ReadyMessage } from './protocol';
import { keyToMove } from './story';

/**
 * The parent page's origin, as far as the browser says: `location.ancestorOrigins` (Chromium, Safari),
 * else the referrer's origin (Firefox sends the embedding page as referrer). Null when unknown.
 */
export function parentOriginOf(win: Window): string | null {
  const ancestors = (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0]!;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * Where the atlas may post its story messages (titles and event ids) to its parent: each allowed
 * origin by name, so the browser delivers to that origin only. `*` in `origins` ("any host") names the
 * parent's own origin when the browser tells it. Never the target `*`: with it, a page on another
 * port received every step. A file:// parent has an opaque origin that no target can name; it hears
 * the atlas only through a MessagePort it hands over in a message of its own (see `listenForHost`),
 * and only when `origins` has `null` and the atlas itself is opened from file://.
 */
export function parentTargets(policy: OriginPolicy, parentOrigin: string | null): string[] {
  const named = [...policy.origins].filter((o) => o !== 'null');
  if (policy.any && parentOrigin && parentOrigin !== 'null' && !named.includes(parentOrigin)) named.push(parentOrigin);
  return named;
}

/** True when a file:// host (origin 'null') may drive the atlas: it says `null`, and is file:// too. */
const nullAllowed = (policy: OriginPolicy, selfOrigin: string) => selfOrigin === 'null' && (policy.any || policy.origins.has('null'));

export function listenForHost(p: Presentation, win: Window = window): () => void {
  const policy = parseOrigins(p.origins, win.location.origin);
  // untrack: this runs inside an effect; reading p.notices there and writing it looped forever
  // (effect_update_depth_exceeded) and the app never mounted on a bad `origins` value.
  if (policy.rejected.length)
    untrack(() => (p.notices = [...p.notices, `Ignored origins entries that are not origins: ${policy.rejected.join(', ')}`]));
  const parent = win.parent !== win ? win.parent : null;
  const targets = parentTargets(policy, parent ? parentOriginOf(win) : null);
  /** The port a file:// host handed over: the only way to answer an opaque origin without target `*`. */
  let port: MessagePort | null = null;
  const announce = (msg: unknown) => {
    if (parent) for (const target of targets) parent.postMessage(msg, target);
    port?.postMessage(msg);
  };

  const onMessage = (e: MessageEvent) => {
    if (e.origin === 'null' ? !nullAllowed(policy, win.location.origin) : !isAllowed(e.origin, policy)) return;
    const msg = parseInbound(e.data);
    if (!msg) return;
    if (e.origin === 'null' && e.ports?.[0]) port = e.ports[0];
    if (msg.type === 'sco-atlas:play') p.play(msg.seconds);
    else if (msg.type === 'sco-atlas:pause') p.pause();
    else if (msg.type !== 'sco-atlas:get') {
      if (!p.storyOn) p.storyOn = true;
      p.goto(nextStepNumber(msg, p.step, p.total));
    }
    // The parent already hears every step change; anyone else allowed gets a direct reply.
    if (e.origin === 'null') {
      // The port hears every step change already, like a parent; a question gets its answer there too.
      if (msg.type === 'sco-atlas:get' || msg.type === 'sco-atlas:play' || msg.type === 'sco-atlas:pause') port?.postMessage(p.reply());
    } else if (
      e.source &&
      (e.source !== parent || msg.type === 'sco-atlas:get' || msg.type === 'sco-atlas:play' || msg.type === 'sco-atlas:pause')
    ) {
      (e.source as Window).postMessage(p.reply(), e.origin);
    }
  };
  win.addEventListener('message', onMessage);
  const off = p.onStep((r) => announce(r));
  return () => {
    win.removeEventListener('message', onMessage);
    off();
  };
}

/** Tells a host deck the story is ready and how many steps it has (so it can size its fragments). */
export function announceReady(p: Presentation, win: Window = window): void {
  if (win.parent === win) return;
  const policy = parseOrigins(p.origins, win.location.origin);
  const msg: ReadyMessage & { step: number } = { type: 'sco-atlas:ready', total: p.total, step: p.step };
  for (const target of parentTargets(policy, parentOriginOf(win))) win.parent.postMessage(msg, target);
}

/** Keys inside these are the widget's own (typing, moving a slider, a dialog's controls). */
const OWN_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="listbox"], dialog';
/** On buttons and links, space and Enter press them; arrows and PageUp/PageDown still step. */
const PRESSABLE = 'button, a[href], summary, [role="button"]';

export function storyKeyHandler(p: Presentation): (e: KeyboardEvent) => void {
  return (e) => {
    if (!p.storyOn || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const path = e.composedPath();
    const target = path[0];
    if (target instanceof Element && target.closest(OWN_KEYS)) return;
    if (target instanceof Element && (e.key === ' ' || e.key === 'Enter') && target.closest(PRESSABLE)) return;
    const move = keyToMove(e.key, e.shiftKey);
    if (!move) return;
    e.preventDefault();
    p.move(move);
  };
}

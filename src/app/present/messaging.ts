/**
 * Wires the postMessage API (protocol.ts) and the clicker keys to a Presentation. Messages from
 * origins that are not allowed are dropped without a reply.
 */
import { untrack } from 'svelte';
import type { Presentation } from './controller.svelte';
import { announceTargets, isAllowed, nextStepNumber, parseInbound, parseOrigins, type ReadyMessage } from './protocol';
import { keyToMove } from './story';

export function listenForHost(p: Presentation, win: Window = window): () => void {
  const policy = parseOrigins(p.origins, win.location.origin);
  // untrack: this runs inside an effect; reading p.notices there and writing it looped forever
  // (effect_update_depth_exceeded) and the app never mounted on a bad `origins` value.
  if (policy.rejected.length) untrack(() => (p.notices = [...p.notices, `Ignored origins entries that are not origins: ${policy.rejected.join(', ')}`]));
  const parent = win.parent !== win ? win.parent : null;
  const announce = (msg: unknown) => {
    if (parent) for (const target of announceTargets(policy)) parent.postMessage(msg, target);
  };

  const onMessage = (e: MessageEvent) => {
    if (!isAllowed(e.origin, policy)) return;
    const msg = parseInbound(e.data);
    if (!msg) return;
    if (msg.type === 'sco-atlas:play') p.play(msg.seconds);
    else if (msg.type === 'sco-atlas:pause') p.pause();
    else if (msg.type !== 'sco-atlas:get') {
      if (!p.storyOn) p.storyOn = true;
      p.goto(nextStepNumber(msg, p.step, p.total));
    }
    // The parent already hears every step change; anyone else allowed gets a direct reply.
    if (e.source && (e.source !== parent || msg.type === 'sco-atlas:get' || msg.type === 'sco-atlas:play' || msg.type === 'sco-atlas:pause')) {
      (e.source as Window).postMessage(p.reply(), e.origin === 'null' ? '*' : e.origin);
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
  for (const target of announceTargets(policy)) win.parent.postMessage(msg, target);
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

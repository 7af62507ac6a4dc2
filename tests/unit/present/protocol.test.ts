// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { announceTargets, isAllowed, nextStepNumber, parseInbound, parseOrigins } from '../../../src/app/present/protocol';

describe('a host deck drives the story by postMessage', () => {
  it('accepts the documented commands and nothing else', () => {
    expect(parseInbound({ type: 'sco-atlas:goto', step: 3 })).toEqual({ type: 'sco-atlas:goto', step: 3 });
    expect(parseInbound({ type: 'sco-atlas:next' })).toEqual({ type: 'sco-atlas:next' });
    expect(parseInbound({ type: 'sco-atlas:play', seconds: 8 })).toEqual({ type: 'sco-atlas:play', seconds: 8 });
    expect(parseInbound({ type: 'sco-atlas:goto', step: 0 })).toBeNull();
    expect(parseInbound({ type: 'sco-atlas:goto', step: '2' })).toBeNull();
    expect(parseInbound({ type: 'sco-atlas:goto', step: 1.5 })).toBeNull();
    expect(parseInbound({ type: 'sco-atlas:explode' })).toBeNull();
    expect(parseInbound('sco-atlas:next')).toBeNull();
    expect(parseInbound(null)).toBeNull();
    // Messages from other libraries on the same page (e.g. reveal.js's own) are not ours.
    expect(parseInbound({ namespace: 'reveal', eventName: 'slidechanged' })).toBeNull();
  });

  it('moves through steps without running off either end', () => {
    expect(nextStepNumber({ type: 'sco-atlas:next' }, 4, 4)).toBe(4);
    expect(nextStepNumber({ type: 'sco-atlas:prev' }, 1, 4)).toBe(1);
    expect(nextStepNumber({ type: 'sco-atlas:goto', step: 99 }, 1, 4)).toBe(4);
    expect(nextStepNumber({ type: 'sco-atlas:last' }, 1, 4)).toBe(4);
    expect(nextStepNumber({ type: 'sco-atlas:first' }, 3, 4)).toBe(1);
    expect(nextStepNumber({ type: 'sco-atlas:get' }, 3, 4)).toBe(3);
    expect(nextStepNumber({ type: 'sco-atlas:next' }, 0, 0)).toBe(0);
  });
});

describe('only allowed origins may drive it', () => {
  const self = 'https://atlas.example.org';
  it('allows only the atlas own origin by default', () => {
    const p = parseOrigins(null, self);
    expect(isAllowed(self, p)).toBe(true);
    expect(isAllowed('https://evil.example', p)).toBe(false);
    expect(isAllowed('null', p)).toBe(false);
    expect(announceTargets(p)).toEqual([self]);
  });

  it('takes a configured list, and reports entries that are not origins', () => {
    const p = parseOrigins('https://slides.example.org, http://127.0.0.1:8000 https://x.org/deck javascript:alert(1)', self);
    expect(isAllowed('https://slides.example.org', p)).toBe(true);
    expect(isAllowed('http://127.0.0.1:8000', p)).toBe(true);
    expect(isAllowed(self, p)).toBe(false);
    expect(p.rejected).toEqual(['https://x.org/deck', 'javascript:alert(1)']);
  });

  it('never lets file:// pages in unless asked, since every opaque origin is "null"', () => {
    expect(isAllowed('null', parseOrigins(null, 'null'))).toBe(false);
    const p = parseOrigins('null', 'null');
    expect(isAllowed('null', p)).toBe(true);
    expect(announceTargets(p)).toEqual(['*']);
  });

  it('accepts anyone only when told "*"', () => {
    const p = parseOrigins('*', self);
    expect(isAllowed('https://anyone.example', p)).toBe(true);
    expect(announceTargets(p)).toEqual(['*']);
  });
});

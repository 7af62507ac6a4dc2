import { describe, expect, it, vi } from 'vitest';
import { Presentation } from '../../../src/app/present/controller.svelte';
import { announceReady, listenForHost, parentTargets } from '../../../src/app/present/messaging';
import { parsePresentParams } from '../../../src/app/present/params';
import { parseOrigins } from '../../../src/app/present/protocol';
import { ViewState } from '../../../src/app/state/view.svelte';
import { corpus } from './fixture';

/**
 * Issue 14 item 8: with `origins=null`, an atlas served over http posted its story messages (titles,
 * event ids) with target `*`, and a page on another port received them. These fake the frame the atlas
 * sits in: its own origin, and a parent whose origin the browser reports (location.ancestorOrigins).
 */
function framed(selfOrigin: string, parentOrigin: string, query: string) {
  const parent = { postMessage: vi.fn() };
  const target = new EventTarget();
  const win = Object.assign(target, {
    location: { origin: selfOrigin, ancestorOrigins: Object.assign([parentOrigin], { contains: () => false, item: () => parentOrigin }) },
    document: { referrer: '' },
    parent,
  }) as unknown as Window;
  const p = new Presentation(parsePresentParams(query));
  p.attach({ view: new ViewState(), flyTo: () => {} }, corpus, null);
  const send = (data: unknown, origin: string, ports: MessagePort[] = []) =>
    target.dispatchEvent(new MessageEvent('message', { data, origin, ports, source: parent as unknown as Window }));
  return { p, win, parent, send };
}
const targetsUsed = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls.map((c) => c[1]);

describe('story messages go only to an allowed parent origin', () => {
  it('origins=null on an atlas served over http: nothing reaches a parent on another port, and file:// pages cannot drive it', () => {
    const { p, win, parent, send } = framed('http://127.0.0.1:5173', 'http://127.0.0.1:9999', '?story=1&step=1&origins=null');
    const stop = listenForHost(p, win);
    announceReady(p, win);
    p.goto(2);
    expect(parent.postMessage).not.toHaveBeenCalled();
    send({ type: 'sco-atlas:goto', step: 4 }, 'null');
    expect(p.step).toBe(2);
    stop();
  });

  it('names the allowed origin as the target, and never posts to "*"', () => {
    const host = 'https://slides.example.org';
    const { p, win, parent } = framed('http://127.0.0.1:5173', host, `?story=1&step=1&origins=${encodeURIComponent(`${host} null`)}`);
    const stop = listenForHost(p, win);
    announceReady(p, win);
    p.goto(3);
    expect(targetsUsed(parent.postMessage)).toEqual([host, host]);
    expect(parent.postMessage.mock.calls[1]![0]).toMatchObject({ type: 'sco-atlas:step', step: 3 });
    stop();
  });

  it("origins=* (a kiosk) posts to the parent's own origin by name", () => {
    expect(parentTargets(parseOrigins('*', 'http://a.org'), 'http://kiosk.local:8080')).toEqual(['http://kiosk.local:8080']);
    expect(parentTargets(parseOrigins('*', 'http://a.org'), null)).toEqual([]);
    expect(parentTargets(parseOrigins('*', 'null'), 'null')).toEqual([]);
    for (const spec of ['null', '*', 'self null', 'https://x.org null *'])
      for (const self of ['null', 'http://a.org']) {
        expect(parentTargets(parseOrigins(spec, self), 'null')).not.toContain('*');
      }
  });

  it('an atlas opened from file:// with origins=null answers a file:// host through the port it hands over', async () => {
    const { p, win, parent, send } = framed('null', 'null', '?story=1&step=1&origins=null');
    const stop = listenForHost(p, win);
    const channel = new MessageChannel();
    const heard: { step: number }[] = [];
    channel.port1.onmessage = (e) => heard.push(e.data);
    send({ type: 'sco-atlas:get' }, 'null', [channel.port2]);
    send({ type: 'sco-atlas:goto', step: 3 }, 'null');
    await new Promise((r) => setTimeout(r, 20));
    expect(p.step).toBe(3);
    expect(heard.map((m) => m.step)).toEqual([1, 3]);
    expect(parent.postMessage).not.toHaveBeenCalled();
    channel.port1.close();
    stop();
  });
});

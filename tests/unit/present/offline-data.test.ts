import { describe, expect, it, vi } from 'vitest';
import { offlineFetch } from '../../../src/app/present/offline-data';

describe('the single offline file answers data requests from inlined files', () => {
  const files = { 'events.json': '[{"id":"e"}]', 'documents/moscow-2020.txt': 'The Moscow Declaration' };
  const real = vi.fn(async () => new Response('from network'));
  const f = offlineFetch(files, 'file:///media/usb/data/', real as unknown as typeof fetch);

  it('serves files under ./data/ without touching the network', async () => {
    const r = await f('file:///media/usb/data/events.json');
    expect(r.ok).toBe(true);
    expect(await r.json()).toEqual([{ id: 'e' }]);
    expect(await (await f('file:///media/usb/data/documents/moscow-2020.txt')).text()).toBe('The Moscow Declaration');
    expect(real).not.toHaveBeenCalled();
  });

  it('answers 404 for data it does not carry, so the app names the missing file', async () => {
    const r = await f('file:///media/usb/data/corpora/other/events.json');
    expect(r.status).toBe(404);
    expect(real).not.toHaveBeenCalled();
  });

  it('leaves every other request to the real fetch', async () => {
    await f('data:text/plain,hello');
    expect(real).toHaveBeenCalledTimes(1);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { embedUrl, fullViewUrl, iframeSnippet, shareUrl } from '../../../src/app/present/share';
import { parsePresentParams } from '../../../src/app/present/params';

const view = 'https://atlas.example.org/?from=2020-01-01&to=2021-12-31&place=moscow&map=37.6,55.7,4';

describe('sharing and embedding a view', () => {
  it('embeds the same view with embed=1, keeping every view parameter', () => {
    const u = new URL(embedUrl(view));
    expect(u.searchParams.get('embed')).toBe('1');
    expect(u.searchParams.get('place')).toBe('moscow');
    expect(u.searchParams.get('map')).toBe('37.6,55.7,4');
  });

  it('opens the full view without the presentation parameters', () => {
    const u = new URL(fullViewUrl(`${view}&embed=1&story=1&step=3&autoplay=8&origins=*`));
    for (const p of ['embed', 'story', 'step', 'autoplay', 'origins']) expect(u.searchParams.has(p)).toBe(false);
    expect(u.searchParams.get('from')).toBe('2020-01-01');
    expect(shareUrl(`${view}&embed=1`)).toBe(view);
  });

  it('writes an iframe snippet with the size and escaped attributes', () => {
    const s = iframeSnippet('https://a.org/?q="><script>x</script>&embed=1', 800, 600);
    expect(s).toContain('width="800" height="600"');
    expect(s).toContain('aspect-ratio:800/600');
    expect(s).not.toContain('<script>');
    expect(s).toContain('&quot;&gt;&lt;script&gt;');
    expect(s).toContain('allow="fullscreen"');
    // Custom sizes are kept within what a page can hold.
    expect(iframeSnippet('https://a.org/', 10, 99999)).toContain('width="200" height="4096"');
  });
});

describe('presentation parameters', () => {
  it('reads embed, story, step and autoplay', () => {
    const p = parsePresentParams('?embed=1&story=1&step=4&autoplay=8&origins=https://a.org');
    expect(p).toMatchObject({ embed: true, story: true, step: 4, autoplay: 8, origins: 'https://a.org', notices: [] });
  });
  it('step alone means story mode', () => {
    expect(parsePresentParams('?step=2')).toMatchObject({ story: true, step: 2 });
  });
  it('ignores bad values with a notice naming the parameter', () => {
    const p = parsePresentParams('?embed=maybe&step=-1&autoplay=0.5');
    expect(p).toMatchObject({ embed: false, story: false, step: null, autoplay: null });
    expect(p.notices).toHaveLength(3);
    expect(p.notices[0]).toMatch(/embed/);
    expect(p.notices[1]).toMatch(/step/);
    expect(p.notices[2]).toMatch(/autoplay/);
  });
  it('reads element attributes the same way', () => {
    expect(parsePresentParams({ embed: '', step: '3' })).toMatchObject({ embed: true, story: true, step: 3 });
  });
});

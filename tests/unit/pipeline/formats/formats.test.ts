import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeChinesePdf, makePdf } from './pdf-file.ts';
import { runPipeline } from '../../../../src/pipeline/run.ts';
import { htmlToText } from '../../../../src/pipeline/formats/html.ts';
import { readPdfs } from '../../../../src/pipeline/formats/index.ts';

/** A news page as a site serves it: menus, a banner, the article, a share bar, a footer, a script. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SCO Secretariat | News</title>
<style>.x{color:red}</style><script>var tracking = "Moscow 1 January 2001";</script></head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><img src="logo.png" alt="SCO logo"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/events">Events</a></li></ul></nav></header>
<div class="breadcrumbs">Home / News / Foreign ministers</div>
<main id="main"><article>
<header><h1>Foreign Ministers met in Astana</h1><time datetime="2024-05-21">21 May 2024</time></header>
<p>The Council of Foreign Ministers of the SCO member states met in Astana
on 20&ndash;21 May 2024 under the chairmanship of Kazakhstan.</p>
<p>The ministers prepared the summit &amp; its documents.<br>They will meet again in 2025.</p>
<p>A hostile line: <img src=x onerror="alert(1)"><b>bold</b> &lt;script&gt;alert(2)&lt;/script&gt;</p>
<table><tr><td>Venue</td><td>Palace of Independence</td></tr></table>
<div class="share-buttons">Share on Facebook Share on X</div>
</article></main>
<aside><h2>Latest news</h2><p>Other news from Beijing on 1 June 2020.</p></aside>
<footer class="site-footer"><p>© SCO Secretariat, Beijing</p></footer>
<script>document.write("injected")</script>
</body></html>`;

describe('a saved web page is read as its article text', () => {
  const text = htmlToText(PAGE);

  it('keeps the article, its title and date, as paragraphs', () => {
    expect(text.split('\n')[0]).toBe('Foreign Ministers met in Astana');
    expect(text).toContain('21 May 2024');
    expect(text).toContain(
      'The Council of Foreign Ministers of the SCO member states met in Astana on 20–21 May 2024 under the chairmanship of Kazakhstan.',
    );
    expect(text).toContain('The ministers prepared the summit & its documents.\nThey will meet again in 2025.');
    expect(text).toMatch(/\n\nThe ministers prepared/);
    expect(text).toContain('Venue | Palace of Independence');
  });

  it('leaves out menus, banners, share bars, asides, footers, scripts and styles', () => {
    for (const gone of [
      'Home',
      'Skip to content',
      'Share on',
      'Latest news',
      'Beijing',
      'tracking',
      'injected',
      'color:red',
      'SCO Secretariat |',
    ])
      expect(text).not.toContain(gone);
  });

  it('turns markup into text: escaped markup stays as characters, real markup leaves no trace', () => {
    expect(text).toContain('A hostile line: bold <script>alert(2)</script>');
    expect(text).not.toContain('onerror');
    expect(text).not.toMatch(/<img|<b>/);
  });

  it('drops direction overrides a page writes as entities, as it does for a text file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-html-bidi-'));
    writeFileSync(join(dir, 'bidi.html'), '<p>The file fdp&#x202E;.exe was shown in Bishkek on 14 June 2019.</p>');
    const o = runPipeline(dir);
    expect(o.texts.get('bidi')).toBe('The file fdp.exe was shown in Bishkek on 14 June 2019.\n');
    expect(o.report.documents[0]!.messages.join(' ')).toMatch(/1 invisible or bidirectional control character\(s\) removed/);
  });

  it('gives the pipeline an event at the place and dates of the article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-html-'));
    writeFileSync(join(dir, 'cfm-astana.html'), PAGE);
    const o = runPipeline(dir);
    const entry = o.report.documents[0]!;
    expect(entry.status).not.toBe('failed');
    expect(entry.messages.join(' ')).toMatch(/cfm-astana\.html: read as a web page/);
    const ev = o.events.find((e) => e.start === '2024-05-20');
    expect(ev).toMatchObject({ end: '2024-05-21', placeId: expect.stringMatching(/astana/i) });
    // Statement offsets index the text written for the document, which is the article text.
    const s = o.statements[0]!;
    expect(o.texts.get('cfm-astana')!.slice(s.start, s.end)).toBe(s.text);
    expect(o.events.some((e) => e.start === '2020-06-01')).toBe(false); // the aside's news item
  });
});

describe('a PDF is read through its text layer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-pdf-'));
  writeFileSync(
    join(dir, 'communique.pdf'),
    makePdf([
      [
        'Joint Communique of the Council of Heads of Government',
        '',
        'The Council of Heads of Government of the SCO member states',
        'held its meeting in Islamabad on 15-16 October 2024.',
      ],
      ['The next meeting will be held in Moscow in 2025.'],
    ]),
  );
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4 this is not really a PDF');
  writeFileSync(join(dir, 'scan.pdf'), makePdf([[]]));

  it('keeps lines, paragraphs and pages, and gives the pipeline its events', async () => {
    const pdfs = await readPdfs(dir);
    const c = pdfs.get('communique.pdf')!;
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.text).toBe(
      'Joint Communique of the Council of Heads of Government\n\nThe Council of Heads of Government of the SCO member states\nheld its meeting in Islamabad on 15-16 October 2024.\n\nThe next meeting will be held in Moscow in 2025.\n',
    );
    const o = runPipeline(dir, pdfs);
    expect(o.events.find((e) => e.start === '2024-10-15')).toMatchObject({
      end: '2024-10-16',
      placeId: expect.stringMatching(/islamabad/i),
    });
    expect(o.report.documents.find((d) => d.file === 'communique.pdf')!.messages.join(' ')).toMatch(/read as a PDF \(2 pages\)/);
  });

  it('names a broken PDF and a PDF without text, and still reads the others', async () => {
    const pdfs = await readPdfs(dir);
    const o = runPipeline(dir, pdfs);
    const entry = (f: string) => o.report.documents.find((d) => d.file === f)!;
    expect(entry('broken.pdf')).toMatchObject({
      status: 'failed',
      messages: [expect.stringMatching(/^broken\.pdf: not a readable PDF .*; skipped$/)],
    });
    expect(entry('scan.pdf').messages.join(' ')).toMatch(/scan\.pdf: the PDF has no text layer \(a scan\?\); run it through OCR/);
    expect(entry('communique.pdf').status).not.toBe('failed');
  });
});

describe('a PDF printed by a browser (subset fonts, as publishers make them)', () => {
  it('reads its lines and paragraphs, and the pipeline finds the summit, its host city and dates', async () => {
    const dir = join(import.meta.dirname, '../../../../tests/fixtures/pdf');
    const pdfs = await readPdfs(dir);
    const d = pdfs.get('tianjin-declaration.pdf')!;
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.text).toMatch(
      /^Declaration of the Council of Heads of State of the\nShanghai Cooperation Organisation\n\nThe Council of Heads of State/,
    );
    expect(d.text).toContain('\n\nTianjin, 1 September 2025\n');
    const o = runPipeline(dir, pdfs);
    expect(o.events.find((e) => e.start === '2025-08-31')).toMatchObject({ end: '2025-09-01', placeId: 'tianjin-cn' });
    expect(o.events.find((e) => e.start === '2001-06-15')).toMatchObject({ placeId: 'shanghai-cn' });
  });
});

describe('a Chinese PDF whose font is not embedded (a predefined CMap, as iText writes them)', () => {
  it('reads its text through the CMaps of pdf.js, and the pipeline finds the summit in Tianjin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-pdf-zh-'));
    // The Tianjin summit: 31 August - 1 September 2025 (Tianjin Declaration, 2025).
    writeFileSync(join(dir, 'tianjin-zh.pdf'), makeChinesePdf(['2025年8月31日至9月1日，上海合作组织成员国元首理事会会议在天津举行。']));
    const d = (await readPdfs(dir)).get('tianjin-zh.pdf')!;
    expect(d).toMatchObject({ ok: true, text: '2025年8月31日至9月1日，上海合作组织成员国元首理事会会议在天津举行。\n' });
    const o = runPipeline(dir, new Map([['tianjin-zh.pdf', d]]));
    expect(o.events.find((e) => e.start === '2025-08-31')).toMatchObject({ end: '2025-09-01', placeId: 'tianjin-cn' });
  });
});

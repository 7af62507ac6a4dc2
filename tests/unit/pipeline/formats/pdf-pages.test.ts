// @vitest-environment node
/**
 * A PDF of several pages as ministries publish declarations: a running head with the document's number
 * and date on every page, "Page n of m" at the foot, and sentences that run over a page break.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from './pdf-file.ts';
import { readPdfs } from '../../../../src/pipeline/formats/index.ts';
import { runPipeline } from '../../../../src/pipeline/run.ts';

const HEAD = 'SCO/CHS/2024 - 4 July 2024';
const dir = mkdtempSync(join(tmpdir(), 'sco-pdf-pages-'));
writeFileSync(
  join(dir, 'declaration.pdf'),
  makePdf([
    [
      HEAD,
      'Astana Declaration of the Council of Heads of State',
      '',
      'The Council of Heads of State met in Astana on 3-4 July 2024, and the',
      'member states agreed',
      '',
      'Page 1 of 3',
    ],
    [
      HEAD,
      'to strengthen their cooperation in trade and transport.',
      '',
      'The previous meeting was held online on 4 July 2023.',
      '',
      'Page 2 of 3',
    ],
    [HEAD, 'The next meeting will be held in Tianjin in 2025.', '', 'Page 3 of 3'],
  ]),
);

describe('a declaration of three pages', async () => {
  const pdfs = await readPdfs(dir);
  const read = pdfs.get('declaration.pdf')!;
  const text = read.ok ? read.text : '';

  it('leaves out the running head and the page numbers', () => {
    expect(read.ok).toBe(true);
    expect(text).not.toContain('SCO/CHS/2024');
    expect(text).not.toMatch(/Page \d of 3/);
    expect(text.startsWith('Astana Declaration of the Council of Heads of State\n')).toBe(true);
  });

  it('keeps a sentence that runs over a page in one paragraph, and starts a new one where a page ends a sentence', () => {
    expect(text).toContain('member states agreed\nto strengthen their cooperation in trade and transport.');
    expect(text).toContain('transport.\n\nThe previous meeting');
  });

  it("gives the pipeline one statement for that sentence, and no mention of the head's date on each page", () => {
    const o = runPipeline(dir, pdfs);
    const summit = o.events.filter((e) => e.start === '2024-07-03');
    expect(summit).toHaveLength(1);
    expect(summit[0]).toMatchObject({ end: '2024-07-04', placeId: 'astana-kz' });
    expect(o.statements.some((s) => /agreed to strengthen their cooperation/.test(s.text.replace(/\s+/g, ' ')))).toBe(true);
    expect(o.events.filter((e) => e.start === '2024-07-04' && e.end === undefined)).toHaveLength(0);
  });
});

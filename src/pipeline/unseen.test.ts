// @vitest-environment node
/**
 * Texts the pipeline was not tuned on, written in the styles it will meet: another summit's
 * declaration, a wire-agency report, a signature line, a Wikipedia-style summary.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-unseen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DOCS: Record<string, string> = {
  'samarkand.txt': `Samarkand Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation

The Council of Heads of State of the Shanghai Cooperation Organisation held its regular meeting in Samarkand on 15–16 September 2022, chaired by the President of the Republic of Uzbekistan.

The member states welcomed the results of the meeting of the Council of Foreign Ministers (Tashkent, 28–29 July 2022) and the meeting of the Secretaries of Security Councils held in Tashkent on 19 August 2022.

The member states noted the outcome of the SCO Energy Ministers meeting held via videoconference on 17 June 2022. They will implement the Programme of Cooperation for 2022-2024 and the Samarkand Initiative for Solidarity.

Samarkand, 16 September 2022
`,
  'xinhua.txt': `SCO foreign ministers meet in Tashkent ahead of summit

Source: Xinhua | 2021-07-14 21:05:12

TASHKENT, July 14 (Xinhua) -- Foreign ministers of the Shanghai Cooperation Organization (SCO) member states met here on Wednesday to prepare for the SCO summit to be held in Dushanbe on September 16-17.
`,
  'ufa.txt': `Ufa Declaration of the Heads of State of the Member States of the Shanghai Cooperation Organisation

The Heads of State met in Ufa on 9-10 July 2015. They noted the results of the meeting of Ministers of Foreign Affairs (Moscow, 3-4 June 2015).

Ufa, 10 July 2015
`,
  'summary.md': `# SCO summits

The **Shanghai Five** grouping was created on 26 April 1996 in Shanghai. India and Pakistan became full members at the Astana summit on 9 June 2017. In 2019 the summit took place in Bishkek (13–14 June). Vladimir Putin attended; the Qingdao Summit of 9–10 June 2018 came first.
`,
  'tianjin.md': `---
title: Tianjin Declaration of the Council of Heads of State
kind: declaration
published: 2025-09-01
---

The Council of Heads of State met in Tianjin on 31 August – 1 September 2025. The member states welcomed the results of the Council of Foreign Ministers (Tianjin, 15 July 2025).
`,
  'chronology.md': `# Chronology of the SCO

- 15 June 2001: the SCO is founded in Shanghai
- 7 June 2002 – Heads of state sign the SCO Charter in Saint Petersburg
* **5 July 2005**: Astana summit
1. 10–11 July 2019 — joint exercise in Dushanbe
`,
};

describe('unseen SCO-style texts', () => {
  const dir = join(tmp, 'in');
  mkdirSync(dir);
  for (const [f, t] of Object.entries(DOCS)) writeFileSync(join(dir, f), t);
  const o = runPipeline(dir);
  const at = (docId: string) => o.events.filter((e) => e.docId === docId).map((e) => [e.start, e.end ?? null, e.placeId, e.online]);

  it('a summit declaration: the summit, ministerial meetings by place, an online meeting, no programme period', () => {
    expect(at('samarkand')).toEqual([
      ['2022-06-17', null, null, true],
      ['2022-07-28', '2022-07-29', 'tashkent-uz', false],
      ['2022-08-19', null, 'tashkent-uz', false],
      ['2022-09-15', '2022-09-16', 'samarkand-uz', false],
    ]);
    expect(o.documents.find((d) => d.id === 'samarkand')).toMatchObject({ kind: 'declaration', published: '2022-09-16' });
  });

  it('a wire report: the dateline places the report, "met here on Wednesday" is its day; the summit "to be held" is a plan', () => {
    expect(at('xinhua')).toEqual([
      ['2021-07-14', null, 'tashkent-uz', false],
    ]);
    expect(o.report.documents.find((d) => d.docId === 'xinhua')?.skipped.map((s) => [s.text, s.why])).toContainEqual(['September 16-17', 'a plan at the time of writing, not a dated event']);
    expect(o.documents.find((d) => d.id === 'xinhua')).toMatchObject({ kind: 'news report', published: '2021-07-14' });
  });

  it('a signature line "Ufa, 10 July 2015" belongs to the meeting held in Ufa on 9-10 July: one event, not two', () => {
    expect(at('ufa')).toEqual([
      ['2015-06-03', '2015-06-04', 'moscow-ru', false],
      ['2015-07-09', '2015-07-10', 'ufa-ru', false],
    ]);
    const signature = o.statements.find((st) => st.docId === 'ufa' && st.text.startsWith('Ufa, 10 July 2015'));
    expect(signature?.eventIds).toEqual(['ufa:2015-07-09..2015-07-10']);
  });

  it('a summary: summits named after their city, a bracketed date after the place, a year from the sentence', () => {
    expect(at('summary')).toEqual([
      ['1996-04-26', null, 'shanghai-cn', false],
      ['2017-06-09', null, 'astana-kz', false],
      ['2018-06-09', '2018-06-10', 'qingdao-cn', false],
      ['2019-06-13', '2019-06-14', 'bishkek-kg', false],
    ]);
    expect(o.places.features.map((f) => f.properties.name)).not.toContain('Vladimir');
  });

  it('front matter gives the metadata and is not read as text', () => {
    expect(o.documents.find((d) => d.id === 'tianjin')).toMatchObject({ title: 'Tianjin Declaration of the Council of Heads of State', kind: 'declaration', published: '2025-09-01' });
    expect(at('tianjin')).toEqual([
      ['2025-07-15', null, 'tianjin-cn', false],
      ['2025-08-31', '2025-09-01', 'tianjin-cn', false], // the declaration's own date lies in the meeting: no second event
    ]);
    const text = o.texts.get('tianjin')!;
    for (const s of o.statements.filter((x) => x.docId === 'tianjin')) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThan(text.indexOf('\n---\n'));
    }
  });

  it('a chronology list: each line its own statement, titled by its text', () => {
    const events = o.events.filter((e) => e.docId === 'chronology').map((e) => [e.start, e.end ?? null, e.placeId, e.title]);
    expect(events).toEqual([
      ['2001-06-15', null, 'shanghai-cn', 'The SCO is founded, Shanghai'],
      ['2002-06-07', null, 'saint-petersburg-ru', 'Heads of state sign the SCO Charter, Saint Petersburg'],
      ['2005-07-05', null, 'astana-kz', 'Summit, Astana'],
      ['2019-07-10', '2019-07-11', 'dushanbe-tj', 'Joint exercise, Dushanbe'],
    ]);
    expect(o.statements.filter((s) => s.docId === 'chronology')).toHaveLength(4);
    expect(o.documents.find((d) => d.id === 'chronology')?.published).toBeNull();
  });
});

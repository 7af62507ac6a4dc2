// @vitest-environment node
/**
 * Event titles as the timeline and the lists show them: on one line however the text was wrapped, without
 * the doubled commas a date taken out of the words leaves, and never a bare clock time from a page's stamp.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline/run.ts';

const titles = (name: string, text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-titles-'));
  writeFileSync(join(dir, name), text);
  return runPipeline(dir).events.map((e) => e.title);
};

describe('event titles', () => {
  it('are on one line when the sentence is broken over lines', () => {
    const t = titles('wrapped.txt', 'Report\n\nThe Council of Heads of State of the SCO member\nstates met in Astana on 3-4 July 2024.\n');
    expect(t).toHaveLength(1);
    expect(t[0]).not.toMatch(/\n/);
    expect(t[0]).toContain('member states');
  });

  it("never show a Russian page's stamp's clock time, and have no doubled commas", () => {
    const t = titles(
      'kremlin.txt',
      [
        'Заседание Совета глав государств – членов ШОС',
        '',
        '4 июля 2024 года, 11:30',
        'Астана',
        '',
        'Владимир Путин принял участие в заседании Совета глав государств – членов Шанхайской организации сотрудничества, которое прошло в Астане 3–4 июля 2024 года.',
        '',
        'Накануне, 3 июля, лидеры прибыли в Астану.',
        '',
      ].join('\n'),
    );
    expect(t.some((title) => /Совета глав государств – членов ШОС, Астана$/.test(title))).toBe(true);
    for (const title of t) {
      expect(title).not.toMatch(/^[\s,]|\d{1,2}:\d{2}|,\s*,/);
    }
  });
});

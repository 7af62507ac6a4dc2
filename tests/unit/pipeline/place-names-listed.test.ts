/**
 * The names a place is "also called" come from the documents: a Russian text declines them ("в Астане",
 * "из Бишкека", "Нур-Султане"), and the atlas lists the names, not their case forms.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/pipeline/document.ts';
import { context } from '../../../src/pipeline/testing.ts';

const names = (text: string) => {
  const r = extractDocument('doc', text, null, context());
  return new Map([...r.placeNames].map(([id, set]) => [id, [...set].sort()]));
};

describe('names a Russian text gives places', () => {
  it('are listed in the nominative the gazetteer gives, whatever the case the sentence uses', () => {
    const n = names(
      'Министры встретились в Астане 21 мая 2024 года. Делегация из Бишкека прибыла 20 мая 2024 года. ' +
        'Годом ранее, 5 мая 2023 года, экспертов принимали в Нур-Султане, а 6 мая 2023 года — в Бишкеке.',
    );
    expect(n.get('astana-kz')).toEqual(expect.arrayContaining(['Астана']));
    expect(n.get('astana-kz')).not.toContain('Астане');
    expect(n.get('astana-kz')?.some((x) => /Нур-Султан$/.test(x))).toBe(true);
    expect(n.get('astana-kz')).not.toContain('Нур-Султане');
    expect(n.get('bishkek-kg')).toEqual(['Бишкек']);
  });

  it('keep English and Chinese names as written', () => {
    expect(names('The ministers met in Nur-Sultan on 21 May 2024.').get('astana-kz')).toEqual(['Nur-Sultan']);
    expect(names('2024年5月21日，外长们在阿斯塔纳举行会议。').get('astana-kz')).toEqual(['阿斯塔纳']);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isHeading } from '../../../src/pipeline/topics.ts';
import { context } from '../../../src/pipeline/testing.ts';

const { topics } = context();

describe('topics: from section headings and keywords in data/topics.json', () => {
  it("maps the declarations' own headings", () => {
    expect(topics.forHeading('Security')).toEqual(['security']);
    expect(topics.forHeading('Trade and economic cooperation')).toEqual(['economy']);
    expect(topics.forHeading('Cultural, humanitarian and public exchanges')).toEqual(['culture']);
    expect(topics.forHeading('International contacts')).toEqual(['international']);
    expect(topics.forHeading('Interparliamentary ties')).toEqual(['parliament']);
    expect(topics.forHeading('Interaction in the judicial sphere')).toEqual(['judicial']);
  });

  it('gives an unlisted heading the topics of its keywords', () => {
    expect(topics.forHeading('Environmental concerns')).toEqual(['environment']);
  });

  it('finds keyword topics in a statement, whole words only', () => {
    expect(topics.forText('the COVID-19 pandemic accelerated digital transformation').sort()).toEqual(['digital', 'health']);
    expect(topics.forText('countering the illicit trafficking of narcotic drugs and terrorism').sort()).toEqual(['drugs', 'terrorism']);
    expect(topics.forText('new water-saving technologies and transport corridors').sort()).toEqual(['environment', 'transport']);
    expect(topics.forText('who knows')).toEqual([]); // "WHO" the organisation matches only in capitals
  });

  it('tells a heading from a sentence', () => {
    expect(isHeading('Security')).toBe(true);
    expect(isHeading('## Security')).toBe(true);
    expect(isHeading('Cultural, humanitarian, and educational cooperation')).toBe(true);
    expect(isHeading('Colleagues,')).toBe(false);
    expect(isHeading('The member states note that transnational challenges continue to grow.')).toBe(false);
  });
});

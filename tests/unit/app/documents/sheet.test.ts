// @vitest-environment node
/**
 * Sheets of events: the columns a user's own sheet may have (in English, Russian or Chinese), the
 * rows that load and the rows that are named by number and skipped.
 */
import { describe, expect, it } from 'vitest';
import { columnsOf, csvRows, sheetDate, sheetToRecords, type SheetContext } from '../../../../src/app/documents/sheet';

const ctx: SheetContext = {
  place: (name) => ({ astana: 'astana', астана: 'astana', 阿斯塔纳: 'astana', qingdao: 'qingdao' })[name.toLowerCase()] ?? null,
  topics: (text) => (/security/i.test(text) ? ['security'] : []),
};

describe('sheet headers', () => {
  it('finds each column under its common names, in any case and in Russian and Chinese', () => {
    const cols = (h: string[]) => Object.fromEntries([...columnsOf(h)].map(([i, c]) => [h[i], c]));
    expect(cols(['Start date', 'End', 'City', 'Event', 'Description', 'URL'])).toEqual({
      'Start date': 'date',
      End: 'end',
      City: 'place',
      Event: 'title',
      Description: 'text',
      URL: 'source',
    });
    expect(cols(['start', 'Location', 'Name', 'Statement', 'Link'])).toEqual({
      start: 'date',
      Location: 'place',
      Name: 'title',
      Statement: 'text',
      Link: 'source',
    });
    expect(cols(['Дата', 'Место', 'Событие', 'Текст'])).toEqual({ Дата: 'date', Место: 'place', Событие: 'title', Текст: 'text' });
    expect(cols(['日期', '地点', '标题', '内容'])).toEqual({ 日期: 'date', 地点: 'place', 标题: 'title', 内容: 'text' });
    expect(cols(['DATE ', 'end_date', 'Colour'])).toEqual({ 'DATE ': 'date', end_date: 'end' });
  });
});

describe('sheet dates', () => {
  it('reads ISO dates as precise as written, day-first dates, Chinese dates and dates typed by the sheet', () => {
    expect(sheetDate('2024-07-04')).toEqual({ iso: '2024-07-04', precision: 'day' });
    expect(sheetDate('2024-07')).toEqual({ iso: '2024-07', precision: 'month' });
    expect(sheetDate('2024')).toEqual({ iso: '2024', precision: 'year' });
    expect(sheetDate('04.07.2024')).toEqual({ iso: '2024-07-04', precision: 'day' });
    expect(sheetDate('4/7/2024')).toEqual({ iso: '2024-07-04', precision: 'day' });
    expect(sheetDate('2024年7月4日')).toEqual({ iso: '2024-07-04', precision: 'day' });
    expect(sheetDate(new Date(Date.UTC(2018, 5, 9)))).toEqual({ iso: '2018-06-09', precision: 'day' });
  });
  it('refuses what is no date or no real day', () => {
    for (const bad of ['', 'soon', '2023-02-30', '2024-13', '31.02.2024', '99', 'July 2024']) expect(sheetDate(bad), bad).toBeNull();
  });
});

describe('sheet rows', () => {
  const csv = [
    'Date,End date,City,Event,Description,Source',
    '2024-07-03,2024-07-04,Astana,Astana summit,Leaders adopted the Astana Declaration on security.,https://example.org/a',
    'not a date,,Astana,Broken row,Text,',
    '2018-06-10,2018-06-09,Qingdao,Backwards,Ends before it starts,',
    '',
    '2019-06-14,,Atlantis,Unknown city,Something happened.,',
    '2020-11-10,,online,Moscow summit by video,,',
    '2021-09-17,,,,,',
  ].join('\n');
  const r = sheetToRecords('my-sheet', 'my-sheet.csv', csvRows(csv), ctx);

  it('loads the good rows as events with their statement, place, span and topics', () => {
    expect(r.rows).toBe(3);
    const astana = r.events[0]!;
    expect(astana).toMatchObject({
      start: '2024-07-03',
      end: '2024-07-04',
      precision: 'day',
      placeId: 'astana',
      title: 'Astana summit',
      topics: ['security'],
    });
    const st = r.statements.find((s) => s.id === astana.statementIds[0])!;
    expect(st.text).toBe('Leaders adopted the Astana Declaration on security.');
    // Offsets index the document's text, as "read in context" needs.
    expect(r.text.slice(st.start, st.end)).toBe(st.text);
    expect(r.text).toContain('https://example.org/a');
    expect(r.events.find((e) => e.title === 'Moscow summit by video')).toMatchObject({ online: true, placeId: null });
  });

  it('names each bad row by its number in the sheet and why, and skips it', () => {
    expect(r.problems).toEqual([
      'my-sheet.csv: row 3: "not a date" is not a date (write YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY); skipped',
      'my-sheet.csv: row 4: ends (2018-06-09) before it starts (2018-06-10); skipped',
      'my-sheet.csv: row 6: "Atlantis" is not a place the gazetteer knows; the event is kept without a city',
      'my-sheet.csv: row 8: neither a title nor a text; skipped',
    ]);
    expect(r.events.map((e) => e.title)).not.toContain('Broken row');
    expect(r.events.find((e) => e.title === 'Unknown city')?.placeId).toBeNull();
  });

  it('reads a Russian sheet separated by semicolons, with quoted cells', () => {
    const ru = sheetToRecords('ru', 'ru.csv', csvRows('Дата;Место;Событие\n04.07.2024;Астана;"Саммит; Астана"\n'), ctx);
    expect(ru.problems).toEqual([]);
    expect(ru.events[0]).toMatchObject({ start: '2024-07-04', placeId: 'astana', title: 'Саммит; Астана' });
  });

  it('says which columns a header lacks', () => {
    const none = sheetToRecords('x', 'x.csv', csvRows('When it was,Where\n2024,Astana\n'), ctx);
    expect(none.events).toEqual([]);
    expect(none.problems[0]).toMatch(/^x\.csv: row 1 \(the header\) has no date column .* and no title or text column/);
  });
});

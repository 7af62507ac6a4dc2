// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/app/present/export-data';

/** How a spreadsheet set to another separator reads one line: quotes respected, as RFC 4180 says. */
function cells(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

describe('CSV cells opened with a semicolon or tab separator (issue 14 item 9)', () => {
  it('stay one cell, so no part of them starts a formula', () => {
    for (const sep of [';', '\t', ',']) {
      for (const text of ['SCO talks;=1+1', 'a\t=HYPERLINK("x")', 'x;+1;-2;@A1', 'plain; text']) {
        const line = ['id-1', csvCell(text), '2024'].join(sep);
        const got = cells(line, sep);
        expect(got, `${JSON.stringify(text)} split on ${JSON.stringify(sep)}`).toHaveLength(3);
        expect(got[1]).toBe(text);
        for (const c of got) expect(c).not.toMatch(/^[=+\-@]/);
      }
    }
  });
});

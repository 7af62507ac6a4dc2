/**
 * The single offline file's data block: a document text can never break out of it, the same data gives
 * the same bytes, a filled file can be filled again, and the single file reads its data and keeps its
 * own shell (so a single file makes a new single file).
 */
import { describe, expect, it } from 'vitest';
import { DATA_OPEN, embeddedShell, fillShell, takeEmbedded } from '../../../../src/app/corrections/single-file';

// A shell as the single build writes it: the app's code (which names the block too) before the block.
const SHELL = `<!doctype html>
<html lang="en"><head><script type="module">const open = '${DATA_OPEN}';</script></head>
<body><div id="app"></div>
  ${DATA_OPEN}</script>
</body></html>
`;

function dataOf(html: string): unknown {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return JSON.parse(doc.getElementById('sco-atlas-data')!.textContent!);
}

describe('the single file data block', () => {
  it('holds document texts that try to close it, unchanged when read back', () => {
    const files = { 'documents/a.txt': 'Text </script><script>alert(1)</script> <!-- and a comment', 'events.json': '[]\n' };
    const html = fillShell(SHELL, files);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    // Still one data element and the page's own script: nothing the text held became markup.
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(dataOf(html)).toEqual(files);
  });

  it('writes the same bytes for the same files in any order, and can be filled again', () => {
    const a = fillShell(SHELL, { 'b.json': '2', 'a.json': '1' });
    const b = fillShell(SHELL, { 'a.json': '1', 'b.json': '2' });
    expect(a).toBe(b);
    const again = fillShell(a, { 'c.json': '3' });
    expect(dataOf(again)).toEqual({ 'c.json': '3' });
    // The app's code, which names the block, is left alone.
    expect(again).toContain(`const open = '${DATA_OPEN}';`);
  });

  it('names what is wrong with a page that is not a shell', () => {
    expect(() => fillShell('<html></html>', {})).toThrow(/no data element/);
  });

  it('is read once by the single file, which keeps its shell to make a new file from', () => {
    const files = { 'events.json': '[{"id":"e1"}]' };
    document.documentElement.innerHTML = new DOMParser().parseFromString(fillShell(SHELL, files), 'text/html').documentElement.innerHTML;
    expect(takeEmbedded(document)).toEqual(files);
    // The block was emptied: the data lives once, as parsed files.
    expect(document.getElementById('sco-atlas-data')!.textContent).toBe('');
    document.getElementById('app')!.textContent = 'the app, mounted later';
    const shell = embeddedShell()!;
    expect(shell).not.toContain('the app, mounted later');
    expect(dataOf(fillShell(shell, { 'x.json': '{}' }))).toEqual({ 'x.json': '{}' });
  });
});

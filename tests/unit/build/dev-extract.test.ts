// @vitest-environment node
/**
 * `npm start` keeps up (issue 12): with the dev server running, a document saved into the sources
 * folder is extracted and the page is told to reload once the new data files are in place.
 * Vite's real dev server, started here on a temporary data folder; the reload is read from what the
 * server sends its pages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, expect, it } from 'vitest';
import { devExtract } from '../../../src/build/dev-extract.ts';

const root = join(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'sco-dev-'));
let server: ViteDevServer | undefined;
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

it('re-extracts a document saved into data/sources and reloads the page after the swap', { timeout: 120_000 }, async () => {
  const sources = join(tmp, 'sources');
  const out = join(tmp, 'out');
  cpSync(join(root, 'data/sources/000_280c4ec6c7ea0add.txt'), join(sources, 'first.txt'));
  const dev = await createServer({
    configFile: false,
    root: tmp,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', watch: { usePolling: false } },
    plugins: [devExtract({ sourcesDir: sources, outDir: out, args: ['--cache', join(tmp, 'cache')] })],
  });
  server = dev;
  await dev.listen();
  const sent: unknown[] = [];
  const send = dev.ws.send.bind(dev.ws) as (p: unknown) => void;
  const reloaded = new Promise<void>((done) => {
    dev.ws.send = ((payload: { type?: string }) => {
      sent.push(payload);
      send(payload);
      if (payload?.type === 'full-reload') done();
    }) as typeof dev.ws.send;
  });
  await new Promise((r) => setTimeout(r, 500)); // the watcher's first scan
  writeFileSync(
    join(sources, 'bishkek-note.txt'),
    'Bishkek, 14 June 2019. The Council of Heads of State of the SCO met in Bishkek on 14 June 2019 and adopted the Bishkek Declaration.\n',
  );
  await reloaded;
  const documents = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as { file: string }[];
  expect(documents.map((d) => d.file).sort()).toEqual(['bishkek-note.txt', 'first.txt']);
  const places = JSON.parse(readFileSync(join(out, 'places.geojson'), 'utf8')) as { features: { properties: { name: string } }[] };
  expect(places.features.map((f) => f.properties.name)).toContain('Bishkek');
  expect(sent.filter((p) => (p as { type: string }).type === 'full-reload')).toHaveLength(1);
});

/**
 * npm run extract [-- --in DIR --out DIR]
 * Reads the documents in DIR (default data/sources), writes the data files to DIR (default public/data).
 * Exit code 0 when every document was read, 1 when any failed (the others are still written), 2 on misuse.
 */
import { resolve } from 'node:path';
import { readPdfs } from './formats/index.ts';
import { runPipeline } from './run.ts';
import { writeOutputs } from './write.ts';

const USAGE = 'usage: npm run extract -- [--in DIR] [--out DIR]   (defaults: data/sources → public/data)';

function parseArgs(argv: string[]): { inDir: string; outDir: string } | string {
  let inDir = 'data/sources';
  let outDir = 'public/data';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (flag !== '--in' && flag !== '--out') return `unknown option ${a}\n${USAGE}`;
    const value = inline ?? argv[++i];
    if (!value) return `${flag} needs a folder\n${USAGE}`;
    if (flag === '--in') inDir = value; else outDir = value;
  }
  return { inDir: resolve(inDir), outDir: resolve(outDir) };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(args === USAGE ? 0 : 2);
}
try {
  const o = runPipeline(args.inDir, await readPdfs(args.inDir));
  writeOutputs(args.outDir, o);
  for (const d of o.report.documents) for (const m of d.messages) (d.status === 'failed' ? console.error : console.warn)(`${d.status === 'failed' ? 'error' : 'note'}: ${m}`);
  for (const m of o.report.corrections) console.warn(`corrections: ${m}`);
  const failed = o.report.documents.filter((d) => d.status === 'failed').length;
  console.log(`extracted ${o.documents.length} document(s): ${o.events.length} events, ${o.places.features.length} places, ${o.statements.length} statements → ${args.outDir}${failed ? ` (${failed} failed; see report.json)` : ''}`);
  process.exit(o.failed ? 1 : 0);
} catch (e) {
  console.error(`extract: ${(e as Error).message}`);
  process.exit(2);
}

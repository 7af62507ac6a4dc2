/**
 * The last stage: write the outputs atomically. Everything goes to a temporary folder beside the
 * output folder first; only when all of it is written does each file replace the old one by rename,
 * so a reader never sees a half-written file and a crash leaves the previous outputs intact.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES } from '../contract/schema.ts';
import type { Outputs } from './run.ts';

export function writeOutputs(outDir: string, o: Outputs): void {
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, `.extract-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'documents'), { recursive: true });
  const files: [string, unknown][] = [
    [DATA_FILES.events, o.events], [DATA_FILES.places, o.places], [DATA_FILES.statements, o.statements],
    [DATA_FILES.timeseries, o.timeseries], [DATA_FILES.documents, o.documents], [DATA_FILES.report, o.report],
    [DATA_FILES.topics, o.topics], [DATA_FILES.layer, o.layer], [DATA_FILES.meetings, o.meetings],
  ];
  try {
    for (const [name, value] of files) writeFileSync(join(tmp, name), JSON.stringify(value) + '\n');
    for (const [id, text] of [...o.texts].sort(([a], [b]) => (a < b ? -1 : 1))) writeFileSync(join(tmp, 'documents', `${id}.txt`), text);
    const old = join(tmp, 'documents.old');
    if (existsSync(join(outDir, 'documents'))) renameSync(join(outDir, 'documents'), old);
    renameSync(join(tmp, 'documents'), join(outDir, 'documents'));
    for (const [name] of files) renameSync(join(tmp, name), join(outDir, name));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

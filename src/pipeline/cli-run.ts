/**
 * The extraction run behind the command line (cli.ts): loaded only once the options are read and the
 * pool's first worker is started, so that the worker loads its code while this thread loads its own.
 */
import { runPipelineFast } from './pool.ts';
import type { EarlyWorker } from './pool-start.ts';
import { sweepAhead, writeOutputs } from './write.ts';

export interface CliArgs {
  inDir: string;
  outDir: string;
  quiet: boolean;
  cacheDir: string | null;
  jobs?: number;
  verbose: boolean;
}

/**
 * A progress line on stderr, only on a terminal, without --quiet, and only once the run has taken a
 * second (a small folder finishes before anyone would read it). Redrawn at most ten times a second.
 * SCO_ATLAS_PROGRESS_AFTER_MS moves that second (the tests set 0: how long a run takes depends on the machine).
 */
function progress(quiet: boolean) {
  const started = Date.now();
  const after = Number(process.env.SCO_ATLAS_PROGRESS_AFTER_MS ?? 1000);
  let drawn = 0;
  let shown = false;
  const on = !quiet && process.stderr.isTTY === true;
  return {
    onFile(done: number, total: number, file: string) {
      const now = Date.now();
      if (!on || now - started < after || now - drawn < 100) return;
      drawn = now;
      shown = true;
      const width = Math.max(20, (process.stderr.columns || 80) - 1);
      process.stderr.write(`\r${`extracting ${done + 1}/${total}: ${file}`.slice(0, width).padEnd(width)}`);
    },
    done() {
      if (shown) process.stderr.write(`\r${' '.repeat(Math.max(20, (process.stderr.columns || 80) - 1))}\r`);
    },
  };
}

/** The run itself, once the command line is read (cli.ts); `early`: a worker cli.ts started before loading this. */
export async function run(args: CliArgs, early: EarlyWorker[]): Promise<never> {
  const bar = progress(args.quiet);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // The old runs' folders are removed in the background meanwhile (write.ts).
  const swept = sweepAhead(args.outDir);
  try {
    const { outputs: o, stats } = await runPipelineFast(args.inDir, {
      onFile: bar.onFile,
      cacheDir: args.cacheDir,
      workers: args.jobs,
      early,
      onCacheProblem: (m) => args.verbose && console.warn(`cache: ${m}`),
    });
    bar.done();
    const extracted = performance.now();
    const cpu = process.cpuUsage(cpuStarted);
    await swept;
    writeOutputs(args.outDir, o);
    const written = performance.now();
    // What to print: given by a cached run's join (which did not build the records), else read off them.
    const said = o.summary ?? {
      events: o.events.length,
      statements: o.statements.length,
      documents: o.report.documents,
      corrections: o.report.corrections,
    };
    for (const d of said.documents)
      for (const m of d.messages)
        (d.status === 'failed' ? console.error : console.warn)(`${d.status === 'failed' ? 'error' : 'note'}: ${m}`);
    for (const m of said.corrections) console.warn(`corrections: ${m}`);
    if (args.verbose)
      console.warn(
        `cache: ${stats.cached} document(s) from the cache, ${stats.extracted} extracted${stats.workers > 1 ? ` on ${stats.workers} threads (this one and ${stats.workers - 1} worker${stats.workers > 2 ? 's' : ''})` : ''}; ${stats.read} of ${stats.documents} read from disk${stats.read < stats.documents ? ' (the others unchanged since last read)' : ''}`,
      );
    // Read by bench/extract.ts: the time of a run besides writing its outputs, and the CPU time of it
    // (all threads: on a busy machine the wall time says more about the neighbours).
    if (args.verbose)
      console.warn(
        `time: ${((extracted - started) / 1000).toFixed(3)} s to read and extract (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s), ${((written - extracted) / 1000).toFixed(3)} s to write`,
      );
    const failed = said.documents.filter((d) => d.status === 'failed').length;
    console.log(
      `extracted ${o.documents.length} document(s): ${said.events} events, ${o.places.features.length} places, ${said.statements} statements → ${args.outDir}${failed ? ` (${failed} failed; see report.json)` : ''}`,
    );
    process.exit(o.failed ? 1 : 0);
  } catch (e) {
    bar.done();
    console.error(`extract: ${(e as Error).message}`);
    process.exit(2);
  }
}

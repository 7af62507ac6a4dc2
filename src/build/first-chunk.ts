/**
 * One chunk for the app's first code (vite.config.ts, normal builds). The parts of the page fetched
 * later (share, exports, statement panels, ...) import modules the first screen has too. Rolldown then
 * cuts each such shared module into a small chunk of its own (an open chunking issue,
 * rolldown/rolldown#10731), and the page must fetch them all before the app can start: over HTTP/1.1,
 * six requests at a time, they held the app's main chunk and the first screen's data files back (A/B:
 * first screen ~0.1 s later). Here every module the entry (main.ts) reaches by static imports is put in
 * one chunk.
 */
import type { Plugin, UserConfig } from 'vite';

type Build = NonNullable<UserConfig['build']>;

const reach = (from: string, infoOf: (id: string) => { importedIds: readonly string[] } | null): Set<string> => {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of infoOf(id)?.importedIds ?? []) stack.push(next);
  }
  return seen;
};

export interface FirstChunk {
  plugin: Plugin;
  /** `build` with the chunk's group added to its output options (when `on`; else `build` as it is). */
  build(build: Build, on: boolean): Build;
}

export function firstChunk(app: RegExp): FirstChunk {
  let members = new Set<string>();
  return {
    plugin: {
      name: 'sco-atlas:first-chunk',
      apply: 'build',
      buildEnd() {
        const ids = [...this.getModuleIds()];
        const appId = ids.find((id) => app.test(id));
        if (!appId) return;
        const infoOf = (id: string) => this.getModuleInfo(id);
        members = new Set([...reach(appId, infoOf)].filter((id) => id !== appId));
      },
    },
    build: (build, on) =>
      on
        ? {
            ...build,
            rolldownOptions: {
              ...build.rolldownOptions,
              // Only the modules listed (the entry stays a small chunk of its own).
              output: {
                codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'app', test: (id) => members.has(id) }] },
              },
            },
          }
        : build,
  };
}

/**
 * The page's first module (src/app/boot.ts) starts the data requests and only then imports the app
 * (main.ts). Vite names in the HTML only what the first module imports statically, so without this the
 * browser would ask for the app's chunks only once that small module had arrived and run (150 ms
 * later on a busy machine). This adds a modulepreload link for each chunk main.ts needs at once, so the
 * app's code downloads and compiles from the start, beside the data.
 */
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** main.ts's chunk and every chunk it imports statically, in a stable order. */
function appChunks(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const main = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/app/main.ts'));
  if (!main) return [];
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  visit(main.fileName);
  return [...seen];
}

export function preloadApp(): Plugin {
  return {
    name: 'sco-atlas:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The app's page only (not the example deck's).
        if (!ctx.bundle || ctx.path !== '/index.html') return html;
        const have = new Set([...html.matchAll(/href="\.\/([^"]+)"/g)].map((m) => m[1]));
        return appChunks(ctx.bundle)
          .filter((file) => !have.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/** Starts one loading worker. Its own module, so the single offline file (which never starts one) does not ship the worker. */
export const spawnLoadWorker = (): Worker => new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module', name: 'sco-atlas data' });

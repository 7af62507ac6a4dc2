/** Starts the documents worker. Its own module, imported only when the first document comes. */
export const spawnDocumentsWorker = (): Worker =>
  new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module', name: 'sco-atlas documents' });

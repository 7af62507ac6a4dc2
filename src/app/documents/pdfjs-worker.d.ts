/** pdf.js's parser module, handed to pdf.js in the documents worker (read-file.ts); its contents are pdf.js's own business. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';

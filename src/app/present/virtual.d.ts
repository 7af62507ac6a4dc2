declare module 'virtual:sco-atlas/offline-data' {
  /** The pipeline's output folder as text by relative path, in the single-file build; otherwise null. */
  const files: Readonly<Record<string, string>> | null;
  export default files;
}

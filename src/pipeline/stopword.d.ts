/** The stop-word lists of the `stopword` package (it ships no types); only the lists used here. */
declare module 'stopword' {
  export const eng: string[];
  export const rus: string[];
  export const zho: string[];
}

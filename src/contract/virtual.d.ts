declare module 'virtual:sco-atlas/fast-validators' {
  /** True when the parsed file fits the contract (src/contract/build/fast-validators.ts); false says nothing more. */
  type Check = (json: unknown) => boolean;
  export const events: Check;
  export const places: Check;
  export const documents: Check;
  export const topics: Check;
  export const statements: Check;
  export const timeseries: Check;
  export const report: Check;
  export const layer: Check;
  export const meetings: Check;
}

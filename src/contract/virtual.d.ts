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
  /** story.json (data-files.ts StoryFile), every step included. */
  export const story: Check;
  /** A message from a host page (host-messages.ts InboundMessage). */
  export const inbound: Check;
}

/** The checks the page runs before its first screen (fast-validators.ts FAST_SETS.core). */
declare module 'virtual:sco-atlas/fast-validators/core' {
  type Check = (json: unknown) => boolean;
  export const events: Check;
  export const layer: Check;
  export const places: Check;
  export const documents: Check;
  export const topics: Check;
}

/** The checks of presenting (FAST_SETS.present): story.json and a host page's messages, read by present/. */
declare module 'virtual:sco-atlas/fast-validators/present' {
  type Check = (json: unknown) => boolean;
  export const story: Check;
  export const inbound: Check;
}

/** The checks of the files read after the first screen or seldom (FAST_SETS.later), loaded when first needed. */
declare module 'virtual:sco-atlas/fast-validators/later' {
  type Check = (json: unknown) => boolean;
  export const statements: Check;
  export const timeseries: Check;
  export const report: Check;
  export const meetings: Check;
}

declare module 'virtual:sco-atlas/checked-data' {
  /** data/membership.json and data/seas.json as checked when the app was built (src/contract/build/checked-data.ts). */
  export const membership: import('./bundled').CheckedMembership;
  export const seas: import('./bundled').CheckedSeas;
}

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

declare module 'virtual:sco-atlas/checked-data' {
  /** data/membership.json and data/seas.json as checked when the app was built (src/contract/build/checked-data.ts). */
  export const membership: import('./bundled').CheckedMembership;
  export const seas: import('./bundled').CheckedSeas;
}

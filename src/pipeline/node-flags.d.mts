/** Node's flags for the extraction CLI's own thread (node-flags.mjs). */
export declare const NODE_FLAGS: readonly string[];

/**
 * The messages a host page may send to an embedded atlas (the postMessage API, src/app/present/
 * protocol.ts describes it). The page checks them with the check compiled from this schema when the app
 * was built (build/fast-validators.ts), so no zod runs in it for them.
 */
import { z } from './zod.ts';

const Step = z.number().int().min(1).max(1_000_000);

export const InboundMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sco-atlas:goto'), step: Step }),
  z.object({ type: z.literal('sco-atlas:next') }),
  z.object({ type: z.literal('sco-atlas:prev') }),
  z.object({ type: z.literal('sco-atlas:first') }),
  z.object({ type: z.literal('sco-atlas:last') }),
  z.object({ type: z.literal('sco-atlas:get') }),
  z.object({ type: z.literal('sco-atlas:play'), seconds: z.number().min(1).max(3600).optional() }),
  z.object({ type: z.literal('sco-atlas:pause') }),
]);
export type InboundMessage = z.infer<typeof InboundMessage>;

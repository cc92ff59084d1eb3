/**
 * The eco-compensation file (`gep eco-compensation`): one of four methods, named by its `method`
 * field — `vertical` (./vertical.ts), `horizontal-water` (./horizontal.ts), `bounds` (./bounds.ts)
 * and `settlement` (./settlement.ts).
 */
import * as z from 'zod';
import { verticalSchema } from './vertical.js';
import { horizontalWaterSchema } from './horizontal.js';
import { boundsSchema } from './bounds.js';
import { settlementSchema } from './settlement.js';

/** Any eco-compensation file, by its `method`. */
export const ecoCompensationSchema = z.discriminatedUnion('method', [
  verticalSchema,
  horizontalWaterSchema,
  boundsSchema,
  settlementSchema,
]);
/** An eco-compensation file as parsed. */
export type EcoCompensationInput = z.infer<typeof ecoCompensationSchema>;

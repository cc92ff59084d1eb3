/**
 * Variants are typed: a module's functions see `ctx.variant.runoff` as the union of its options, so a
 * misspelt option fails to compile (checked by `tsc --noEmit`, which CI runs).
 */
import { z } from 'zod';
import { defineIndicator } from '../../src/indicators/define.js';
import { measure } from '../../src/indicators/input-schema.js';

defineIndicator({
  id: 'regulating.water-conservation',
  inputs: { area: measure('km²').describe('area') },
  variants: {
    runoff: { options: { 'mean-runoff-coefficient': 'α by type', 'storm-runoff': 'storm depth' }, default: 'mean-runoff-coefficient' },
  },
  coefficients: [],
  quantity(_input, ctx) {
    // @ts-expect-error -- 'storm-runof' is not an option of the runoff variant
    if (ctx.variant.runoff === 'storm-runof') throw new Error('unreachable');
    // @ts-expect-error -- the module has no variant named 'method'
    void ctx.variant.method;
    return { lines: [], total: null, steps: [], warnings: [] };
  },
  value(input, _q, ctx) {
    // @ts-expect-error -- the input has no field 'areas'
    void input.areas;
    return { lines: [], total: { value: ctx.A.zero, unit: '元' }, steps: [], warnings: [] };
  },
});

export const unused = z;

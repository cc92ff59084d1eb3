/**
 * An account whose rounded parts do not add up to its rounded total: material 10 050 元 = 1.005 万元
 * and regulating 10 050 元 = 1.005 万元, GEP 20 100 元 = 2.01 万元. Each cell half-up on its own
 * prints 1.01 + 1.01 against 2.01; by largest remainder, 1.01 + 1.00 = 2.01. Account it under
 * shenzhen-db4403-141, which enables noise reduction.
 */
import type { GepInput } from '../../src/accounts/input.js';

export const PARTS_NOT_ADDING_UP: GepInput = {
  region: { name: '测试县', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [{ item: 'maize', quantity: { value: '1', unit: 't' }, price: { value: '10050', unit: '元/t', priceYear: 2022 } }],
    },
    'regulating.noise-reduction': {
      belts: [{ item: 'belt', length: { value: '1', unit: 'km' } }],
      barrierCost: { value: '10050', unit: '元/km', priceYear: 2022 },
    },
  },
};

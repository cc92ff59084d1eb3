/** One fishery product: 1 800 t × 14 000 元/t = 25 200 000 元, the whole GEP (national-2022). */
export const TINY = {
  region: { name: '测试县 test county', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.fishery': {
      products: [{ item: '淡水鱼 fish', quantity: { value: '1800', unit: 't' }, price: { value: '14000', unit: '元/t', priceYear: 2022 } }],
    },
  },
};

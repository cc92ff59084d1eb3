import type { GepInput } from '../../src/accounts/input.js';

/**
 * Small accounts for the SEEA tests, each figure worked by hand:
 *   fishery: 1 800 t fish × 14 000 元/t = 25 200 000 元 (marsh-and-reservoir → wetland)
 *            200 000 kg shrimp × 50 元/kg = 10 000 000 元 (no type); 200 000 kg = 200 t
 *   water supply: domestic 100 万m³ × 3 元/m³ = 3 000 000 元; industrial 200 万m³ × 5 元/m³ = 10 000 000 元
 *   eco-energy: hydropower 100 万kWh × 0.3 元/kWh = 300 000 元 (no SEEA counterpart)
 *   GEP = 25 200 000 + 10 000 000 + 3 000 000 + 10 000 000 + 300 000 = 48 500 000 元
 */
export function smallInput(year = 2022, fishTonnes = '1800'): GepInput {
  const price = (value: string, unit: string) => ({ value, unit, priceYear: year });
  return {
    region: { name: '测试县 test county', level: 'county', area: { value: '1100', unit: 'km²' } },
    accountingYear: year,
    priceYear: year,
    profile: 'national-2022',
    indicators: {
      'material.fishery': {
        products: [
          {
            item: '鱼 fish',
            quantity: { value: fishTonnes, unit: 't' },
            price: price('14000', '元/t'),
            ecosystemType: 'marsh-and-reservoir',
          },
          { item: '虾 shrimp', quantity: { value: '200000', unit: 'kg' }, price: price('50', '元/kg') },
        ],
      },
      'material.water-supply': {
        uses: [
          { use: 'domestic', withdrawal: { value: '100', unit: '万m³' }, tariff: price('3', '元/m³') },
          { use: 'industrial', withdrawal: { value: '200', unit: '万m³' }, tariff: price('5', '元/m³') },
        ],
      },
      'material.eco-energy': {
        generation: [{ source: 'hydropower', electricity: { value: '100', unit: '万kWh' }, price: price('0.3', '元/kWh') }],
      },
    },
  };
}

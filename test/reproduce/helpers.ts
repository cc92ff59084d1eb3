/**
 * A toy case for the reproduction tests. The water row recomputes
 * 123.4 万m³ × 6.11 元/m³ = 1 234 000 m³ × 6.11 = 7 539 740 元 = 753.974 万元.
 */
export const base = {
  id: 'toy',
  citation: { authors: 'A. Author', title: 'A toy account', year: 2024 },
  region: 'Toy county',
  accountingYear: 2020,
  priceYear: 2020,
};

export const waterInput = (quantity = '123.4') => ({
  reported: [{ item: 'all', quantity: { value: quantity, unit: '万m³' } }],
  unitPrice: { value: '6.11', unit: '元/m³' },
});

/** A recomputed water-conservation row; the price 6.11 元/m³ is printed, so the row is not circular. */
export const waterRow = (printed: string, extra: Record<string, unknown> = {}) => ({
  id: 'water',
  label: 'water conservation',
  printed: { value: printed, unit: '万元' },
  printedUnitPrice: { value: '6.11', unit: '元/m³' },
  indicator: 'regulating.water-conservation',
  input: waterInput(),
  ...extra,
});

/** A printed figure that is not recomputed, with its reason. */
export const printedRow = (id: string, value: string, unit = '万元') => ({
  id,
  label: id,
  printed: { value, unit },
  notReproducible: 'printed figure only',
});

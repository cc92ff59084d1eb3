/**
 * The product-output method shared by agriculture, forestry, livestock, fishery and other material
 * products (物质产品): V_M = Σ_i Q_i · P_i (market value, ganzi-2017 §2.4), or the sector output
 * value reported by the statistical yearbook.
 *
 * Sources disagree on which total counts (gep-methods §9 item 3): gross output (总产值), net output
 * (净产值, used by ganzi-2017) or value added (增加值). The profile picks `outputBasis`:
 *   gross-output = Σ Q·P, or the reported gross output;
 *   value-added  = gross output − intermediate consumption (中间消耗);
 *   net-output   = gross output − intermediate consumption − depreciation of fixed assets (固定资产折旧).
 * A value reported at the chosen basis is used as printed; the step from the product list to it is
 * shown as a deduction line, so the lines always add up to the total.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { anyMeasure, anyPrice, ecosystemType, measure } from '../input-schema.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { sameDimensionUnits, parseUnit } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, IndicatorModule, IndicatorSpec, QuantityLine, QuantityResult, ValueLine, ValueResult, VariantSpec } from '../types.js';

const money = () => measure('元');

const productLine = z.strictObject({
  /** Product name as the yearbook prints it, e.g. "玉米 maize". */
  item: z.string().min(1),
  quantity: anyMeasure,
  price: anyPrice.optional(),
  /** The output value of this product when no unit price is given. */
  outputValue: money().optional(),
  ecosystemType: ecosystemType.optional(),
});

export const productOutputInputSchema = z.strictObject({
  products: z.array(productLine).optional(),
  reportedOutput: z
    .strictObject({ 'gross-output': money().optional(), 'net-output': money().optional(), 'value-added': money().optional() })
    .optional(),
  intermediateConsumption: money().optional(),
  fixedAssetDepreciation: money().optional(),
});

export type ProductOutputInput = z.infer<typeof productOutputInputSchema>;
export type OutputBasis = 'gross-output' | 'net-output' | 'value-added';

export const OUTPUT_BASIS_VARIANT: VariantSpec = {
  name: 'outputBasis',
  options: {
    'gross-output': 'gross output value (总产值): Σ quantity × price, or the reported gross output',
    'net-output': 'net output value (净产值): gross output − intermediate consumption − depreciation (ganzi-2017)',
    'value-added': 'value added (增加值): gross output − intermediate consumption',
  },
  default: 'gross-output',
};

/** The spec of a product-output indicator: its catalogue entry plus the shared inputs. */
export function productOutputSpec(id: string): IndicatorSpec {
  return {
    ...catalogueEntry(id),
    inputs: [
      { path: 'products[].item', unit: null, required: true, description: 'product name as printed in the yearbook' },
      { path: 'products[].quantity', unit: catalogueEntry(id).physicalUnit, required: true, description: 'output of the product in the accounting year (any unit; t, m³, 头 …)' },
      { path: 'products[].price', unit: `元/${catalogueEntry(id).physicalUnit}`, required: false, description: 'producer (farm-gate) price per unit of quantity, at the account price year' },
      { path: 'products[].outputValue', unit: '元', required: false, description: 'output value of the product, when no unit price is given' },
      { path: 'products[].ecosystemType', unit: null, required: false, description: 'ecosystem type that produced it (cropland, forest …)' },
      { path: 'reportedOutput.gross-output', unit: '元', required: false, description: 'gross output value (总产值) reported by the yearbook' },
      { path: 'reportedOutput.net-output', unit: '元', required: false, description: 'net output value (净产值) reported by the yearbook' },
      { path: 'reportedOutput.value-added', unit: '元', required: false, description: 'value added (增加值) reported by the yearbook' },
      { path: 'intermediateConsumption', unit: '元', required: false, description: 'intermediate consumption (中间消耗), for value added and net output' },
      { path: 'fixedAssetDepreciation', unit: '元', required: false, description: 'depreciation of fixed assets (固定资产折旧), for net output' },
    ],
    variants: [OUTPUT_BASIS_VARIANT],
    coefficients: [],
  };
}

/** Physical account: one line per product; a total only when every product is in one dimension. */
export function productQuantity<T>(id: string, input: ProductOutputInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const products = input.products ?? [];
  const lines: QuantityLine<T>[] = products.map((p) => ({
    item: p.item,
    ...(p.ecosystemType ? { ecosystemType: p.ecosystemType } : {}),
    quantity: { value: A.fromString(p.quantity.value), unit: p.quantity.unit },
  }));
  const unit = catalogueEntry(id).physicalUnit;
  const oneDimension = lines.length > 0 && lines.every((l) => sameDimensionUnits(l.quantity.unit, unit));
  const warnings: GepWarning[] = products.length === 0
    ? [{ code: 'no-physical-quantity', indicator: id, path: ctx.path, message: `${id}: no product list was given, so the account has a value but no physical quantity` }]
    : [];
  return { lines, total: oneDimension ? sumIn(A, lines.map((l) => l.quantity), unit) : null, steps: [], warnings };
}

/** Monetary account at the profile's output basis. */
export function productValue<T>(id: string, input: ProductOutputInput, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A, path } = ctx;
  const basis = (ctx.variant.outputBasis ?? 'gross-output') as OutputBasis;
  const tracer = new Tracer(A);
  const warnings: GepWarning[] = [];
  const issues: GepIssue[] = [];
  const lines: ValueLine<T>[] = [];

  (input.products ?? []).forEach((p, i) => {
    const linePath = [...path, 'products', i];
    const quantity = { value: A.fromString(p.quantity.value), unit: p.quantity.unit };
    if (p.price && p.outputValue) {
      issues.push(makeIssue('input.type', [...linePath, 'outputValue'], { expected: 'either price or outputValue, not both', found: 'both' }));
      return;
    }
    if (p.outputValue) {
      const value = readAmount(A, p.outputValue, '元') as Measure<T, '元'>;
      lines.push({ item: p.item, ...(p.ecosystemType ? { ecosystemType: p.ecosystemType } : {}), quantity, unitPrice: null, value });
      return;
    }
    if (!p.price) {
      issues.push(makeIssue('input.required', [...linePath, 'price'], { expected: 'a unit price or an outputValue' }));
      return;
    }
    const expectedPrice = parseUnit(`元/(${p.quantity.unit})`);
    if (!sameDimensionUnits(p.price.unit, expectedPrice.id)) {
      issues.push(makeIssue('input.unit-dimension', [...linePath, 'price', 'unit'], { expected: `money per ${p.quantity.unit}`, found: p.price.unit }));
      return;
    }
    try {
      const { price } = resolvePrice(ctx, p.price, null, [...linePath, 'price'], id);
      const value = tracer.record(
        `value of ${p.item}`,
        'V = Q × P',
        { Q: traced(A, quantity, inputRef([...linePath, 'quantity'])), P: traced(A, price, price.from) },
        valueAt(A, quantity, price),
      );
      lines.push({ item: p.item, ...(p.ecosystemType ? { ecosystemType: p.ecosystemType } : {}), quantity, unitPrice: price, value });
    } catch (e) {
      if (e instanceof GepInputError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length) throw new GepInputError(issues);

  const reported = input.reportedOutput ?? {};
  const fromProducts = lines.length > 0 ? sumIn(A, lines.map((l) => l.value), '元') : null;
  const reportedGross = reported['gross-output'] ? readAmount(A, reported['gross-output'], '元') : null;
  if (fromProducts && reportedGross && A.compare(fromProducts.value, reportedGross.value) !== 0) {
    warnings.push({
      code: 'reported-output-differs', indicator: id, path: [...path, 'reportedOutput', 'gross-output'],
      message: `${id}: the product list adds up to ${A.toString(fromProducts.value)} 元 but the reported gross output is ${A.toString(reportedGross.value)} 元; the product list is used`,
    });
  }
  if (!fromProducts && reportedGross) {
    lines.push({ item: 'reported gross output (总产值)', quantity: null, unitPrice: null, value: reportedGross as Measure<T, '元'> });
  }
  const gross = fromProducts ?? reportedGross;
  const target = basis === 'gross-output' ? null : reported[basis] ? readAmount(A, reported[basis], '元') : null;

  if (basis !== 'gross-output' && target) {
    if (gross) {
      const deduction = tracer.record(
        `deduction from gross output to ${basis} (reported)`,
        `D = V_${basis} (reported) − V_gross`,
        { V_reported: traced(A, target, inputRef([...path, 'reportedOutput', basis])), V_gross: traced(A, gross, 'step:gross output') },
        { value: A.subtract(target.value, gross.value), unit: '元' as const },
      );
      lines.push({ item: `deduction to ${basis} (reported)`, quantity: null, unitPrice: null, value: deduction });
    } else {
      lines.push({ item: `reported ${basis}`, quantity: null, unitPrice: null, value: target as Measure<T, '元'> });
    }
  } else if (basis !== 'gross-output') {
    const needed: [string, string][] = basis === 'value-added'
      ? [['intermediateConsumption', '中间消耗']]
      : [['intermediateConsumption', '中间消耗'], ['fixedAssetDepreciation', '固定资产折旧']];
    const missing = needed.filter(([k]) => !input[k as 'intermediateConsumption']);
    if (!gross || missing.length) {
      throw new GepInputError([makeIssue('input.missing-basis', path, {
        expected: `the ${basis} basis needs reportedOutput.${basis}, or a gross output (products or reportedOutput.gross-output) and ${needed.map(([k]) => k).join(' and ')}`,
      })]);
    }
    for (const [key, zh] of needed) {
      const amount = readAmount(A, input[key as 'intermediateConsumption']!, '元');
      lines.push({ item: `less ${key} (${zh})`, quantity: null, unitPrice: null, value: { value: A.negate(amount.value), unit: '元' } });
    }
  } else if (!gross) {
    throw new GepInputError([makeIssue('input.missing-basis', path, {
      expected: 'a product list with prices or output values, or reportedOutput.gross-output',
    })]);
  }

  const total = tracer.record(`total at ${basis}`, 'V = Σ lines', {}, sumIn(A, lines.map((l) => l.value), '元'));
  if (A.compare(total.value, A.zero) < 0) {
    warnings.push({ code: 'negative-value', indicator: id, path, message: `${id}: the ${basis} is negative (${A.toString(total.value)} 元)` });
  }
  return { lines, total, steps: tracer.steps, warnings };
}


/** A complete indicator module for one product-output sector. */
export function productOutputModule(id: string): IndicatorModule<ProductOutputInput> {
  return {
    spec: productOutputSpec(id),
    inputSchema: productOutputInputSchema,
    quantity: (input, ctx) => productQuantity(id, input, ctx),
    value: (input, _quantity, ctx) => productValue(id, input, ctx),
  };
}

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
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { about, anyMeasure, anyPrice, ecosystemType, type FieldText, measure } from '../input-schema.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, lineItem, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { defineIndicator } from '../define.js';
import { sameDimensionUnits, parseUnit } from '../../units/units.js';
import type { QuantityLine, ValueLine } from '../types.js';

const money = (text: FieldText) => measure('元').optional().meta(text);

/** The output bases (产值口径), in Chinese for steps and lines. */
const BASIS_ZH = { 'gross-output': '总产值', 'net-output': '净产值', 'value-added': '增加值' } as const;

/** A complete indicator module for one product-output sector. */
export function productOutputModule<const Id extends string>(id: Id) {
  const unit = catalogueEntry(id).physicalUnit;
  return defineIndicator({
    id,
    inputs: {
      products: z
        .array(
          z.strictObject({
            item: z
              .string()
              .min(1)
              .meta(about('product name as printed in the yearbook, e.g. "玉米 maize"', '统计年鉴所列产品名称，如“玉米”')),
            // Any unit is accepted; the catalogue's unit is the one templates suggest.
            quantity: anyMeasure
              .meta({ 'x-unit': unit })
              .meta(
                about('output of the product in the accounting year (any unit: t, m³, 头 …)', '核算年份产品产量（任意单位：t、m³、头等）'),
              ),
            price: anyPrice
              .optional()
              .meta({ 'x-unit': `元/${unit}` })
              .meta(
                about(
                  'producer (farm-gate) price per unit of quantity, at the account price year',
                  '产品单价（生产者价格、出场价格），核算价格年份',
                ),
              ),
            outputValue: money(about('output value of the product, when no unit price is given', '产品产值，未给单价时填写')),
            ecosystemType: ecosystemType
              .optional()
              .meta(about('ecosystem type that produced it (cropland, forest …)', '产出该产品的生态系统类型（农田、森林等）')),
          }),
        )
        .optional(),
      reportedOutput: z
        .strictObject({
          'gross-output': money(about('gross output value (总产值) reported by the yearbook', '统计年鉴公布的总产值')),
          'net-output': money(about('net output value (净产值) reported by the yearbook', '统计年鉴公布的净产值')),
          'value-added': money(about('value added (增加值) reported by the yearbook', '统计年鉴公布的增加值')),
        })
        .optional(),
      intermediateConsumption: money(
        about('intermediate consumption (中间消耗), for value added and net output', '中间消耗，用于计算增加值与净产值'),
      ),
      fixedAssetDepreciation: money(about('depreciation of fixed assets (固定资产折旧), for net output', '固定资产折旧，用于计算净产值')),
    },
    variants: {
      outputBasis: {
        options: {
          'gross-output': 'gross output value (总产值): Σ quantity × price, or the reported gross output',
          'net-output': 'net output value (净产值): gross output − intermediate consumption − depreciation (ganzi-2017)',
          'value-added': 'value added (增加值): gross output − intermediate consumption',
        },
        default: 'gross-output',
      },
    },
    coefficients: [],

    /** Physical account: one line per product; a total only when every product is in one dimension. */
    quantity(input, ctx) {
      const { A } = ctx;
      const products = input.products ?? [];
      const lines: QuantityLine<typeof A.zero>[] = products.map((p) => ({
        item: p.item,
        ...(p.ecosystemType ? { ecosystemType: p.ecosystemType } : {}),
        quantity: { value: A.fromString(p.quantity.value), unit: p.quantity.unit },
      }));
      const oneDimension = lines.length > 0 && lines.every((l) => sameDimensionUnits(l.quantity.unit, unit));
      const warnings: GepWarning[] =
        products.length === 0 ? [makeWarning('no-physical-quantity', { indicator: id, path: ctx.path, params: { id } })] : [];
      return {
        lines,
        total: oneDimension
          ? sumIn(
              A,
              lines.map((l) => l.quantity),
              unit,
            )
          : null,
        steps: [],
        warnings,
      };
    },

    /** Monetary account at the profile's output basis. */
    value(input, _quantity, ctx) {
      const { A, path } = ctx;
      const basis = ctx.variant.outputBasis;
      const tracer = new Tracer(A);
      const warnings: GepWarning[] = [];
      const lines: ValueLine<typeof A.zero>[] = [];

      // Every problem of the product list at once, price years included (they need the account's year).
      const issues: GepIssue[] = [];
      // Where each product line's value comes from, for the gross output step a deduction refers to.
      const productRefs: string[] = [];
      (input.products ?? []).forEach((p, i) => {
        const linePath = [...path, 'products', i];
        const quantity = { value: A.fromString(p.quantity.value), unit: p.quantity.unit };
        const eco = p.ecosystemType ? { ecosystemType: p.ecosystemType } : {};
        if (p.price && p.outputValue) {
          issues.push(
            makeIssue('input.type', [...linePath, 'outputValue'], {
              expected: { en: 'either price or outputValue, not both', zh: 'price 或 outputValue 二者之一，不可同时给出' },
              found: { en: 'both', zh: '二者均有' },
            }),
          );
          return;
        }
        if (p.outputValue) {
          // The output value as given, with the quantity it is the value of (no unit price to apply).
          const given = readAmount(A, p.outputValue, '元');
          const value = tracer.record(
            { en: `value of ${p.item}`, zh: `${p.item}价值量` },
            { en: 'V = output value as given (quantity Q not priced)', zh: 'V = 给定产值（实物量 Q 不另计价）' },
            { V: traced(A, given, inputRef([...linePath, 'outputValue'])), Q: traced(A, quantity, inputRef([...linePath, 'quantity'])) },
            given,
          );
          lines.push({ item: p.item, ...eco, quantity, unitPrice: null, value });
          productRefs.push(`step:value of ${p.item}`);
          return;
        }
        if (!p.price) {
          issues.push(
            makeIssue('input.required', [...linePath, 'price'], {
              expected: { en: 'a unit price or an outputValue', zh: '单价或产值（outputValue）' },
            }),
          );
          return;
        }
        if (!sameDimensionUnits(p.price.unit, parseUnit(`元/(${p.quantity.unit})`).id)) {
          issues.push(
            makeIssue('input.unit-dimension', [...linePath, 'price', 'unit'], {
              expected: { en: `money per ${p.quantity.unit}`, zh: `每 ${p.quantity.unit} 的货币量` },
              found: p.price.unit,
            }),
          );
          return;
        }
        try {
          const { price } = resolvePrice(ctx, p.price, null, [...linePath, 'price'], id);
          const value = tracer.record(
            { en: `value of ${p.item}`, zh: `${p.item}价值量` },
            'V = Q × P',
            { Q: traced(A, quantity, inputRef([...linePath, 'quantity'])), P: traced(A, price, price.from) },
            valueAt(A, quantity, price),
          );
          lines.push({ item: p.item, ...eco, quantity, unitPrice: price, value });
          productRefs.push(`step:value of ${p.item}`);
        } catch (e) {
          if (e instanceof GepInputError) issues.push(...e.issues);
          else throw e;
        }
      });
      if (issues.length) throw new GepInputError(issues);

      const reported = input.reportedOutput ?? {};
      const fromProducts =
        lines.length > 0
          ? sumIn(
              A,
              lines.map((l) => l.value),
              '元',
            )
          : null;
      const reportedGross = reported['gross-output'] ? readAmount(A, reported['gross-output'], '元') : null;
      if (fromProducts && reportedGross && A.compare(fromProducts.value, reportedGross.value) !== 0) {
        warnings.push(
          makeWarning('reported-output-differs', {
            indicator: id,
            path: [...path, 'reportedOutput', 'gross-output'],
            params: { id, products: A.toDisplayText(fromProducts.value), reported: A.toDisplayText(reportedGross.value) },
          }),
        );
      }
      if (!fromProducts && reportedGross) {
        lines.push({
          ...lineItem({ en: 'reported gross output (总产值)', zh: '总产值（公布值）' }),
          quantity: null,
          unitPrice: null,
          value: reportedGross,
        });
      }
      const gross = fromProducts ?? reportedGross;
      const reportedTarget = basis === 'gross-output' ? undefined : reported[basis];
      const target = reportedTarget ? readAmount(A, reportedTarget, '元') : null;

      if (basis !== 'gross-output' && target) {
        if (gross) {
          // The gross output the deduction starts from: the products' sum, recorded as a step of its
          // own so that the reference leads to it, or the gross output as printed.
          let grossFrom = inputRef([...path, 'reportedOutput', 'gross-output']);
          if (fromProducts) {
            tracer.record(
              { en: 'gross output', zh: '总产值' },
              'V_gross = Σ V_i',
              Object.fromEntries(lines.map((l, i) => [`V_${i + 1}`, traced(A, l.value, productRefs[i]!)])),
              fromProducts,
            );
            grossFrom = 'step:gross output';
          }
          const deduction = tracer.record(
            { en: `deduction from gross output to ${basis} (reported)`, zh: `总产值至${BASIS_ZH[basis]}的扣减（公布值）` },
            `D = V_${basis} (reported) − V_gross`,
            { V_reported: traced(A, target, inputRef([...path, 'reportedOutput', basis])), V_gross: traced(A, gross, grossFrom) },
            { value: A.subtract(target.value, gross.value), unit: '元' as const },
          );
          lines.push({
            ...lineItem({ en: `deduction to ${basis} (reported)`, zh: `总产值至${BASIS_ZH[basis]}的扣减（公布值）` }),
            quantity: null,
            unitPrice: null,
            value: deduction,
          });
        } else {
          lines.push({
            ...lineItem({ en: `reported ${basis}`, zh: `${BASIS_ZH[basis]}（公布值）` }),
            quantity: null,
            unitPrice: null,
            value: target,
          });
        }
      } else if (basis !== 'gross-output') {
        const needed =
          basis === 'value-added'
            ? (['intermediateConsumption'] as const)
            : (['intermediateConsumption', 'fixedAssetDepreciation'] as const);
        const missing = needed.filter((k) => !input[k]);
        if (!gross || missing.length) {
          throw new GepInputError([
            makeIssue('input.missing-basis', path, {
              expected: {
                en: `the ${basis} basis needs reportedOutput.${basis}, or a gross output (products or reportedOutput.gross-output) and ${needed.join(' and ')}`,
                zh: `按${BASIS_ZH[basis]}核算需要 reportedOutput.${basis}，或总产值（products 或 reportedOutput.gross-output）以及 ${needed.join(' 与 ')}`,
              },
            }),
          ]);
        }
        const zh = { intermediateConsumption: '中间消耗', fixedAssetDepreciation: '固定资产折旧' };
        for (const key of needed) {
          const amount = readAmount(A, input[key]!, '元');
          const less = tracer.record(
            { en: `less ${key}`, zh: `减：${zh[key]}` },
            `D = −${key === 'intermediateConsumption' ? 'IC' : 'FAD'}`,
            { [key === 'intermediateConsumption' ? 'IC' : 'FAD']: traced(A, amount, inputRef([...path, key])) },
            { value: A.negate(amount.value), unit: '元' as const },
          );
          lines.push({
            ...lineItem({ en: `less ${key} (${zh[key]})`, zh: `减：${zh[key]}` }),
            quantity: null,
            unitPrice: null,
            value: less,
          });
        }
      } else if (!gross) {
        throw new GepInputError([
          makeIssue('input.missing-basis', path, {
            expected: {
              en: 'a product list with prices or output values, or reportedOutput.gross-output',
              zh: '带单价或产值的产品清单，或 reportedOutput.gross-output',
            },
          }),
        ]);
      }

      // What the basis does not read is named, not dropped silently: an intermediate consumption given
      // under the gross-output basis, a printed value added under net output, …
      const reads = new Set<string>();
      if (basis !== 'gross-output' && target) reads.add(`reportedOutput.${basis}`);
      else if (basis === 'value-added') reads.add('intermediateConsumption');
      else if (basis === 'net-output') ['intermediateConsumption', 'fixedAssetDepreciation'].forEach((f) => reads.add(f));
      const unread = [
        ...(['intermediateConsumption', 'fixedAssetDepreciation'] as const).filter((f) => input[f] && !reads.has(f)).map((f) => [f]),
        ...(['value-added', 'net-output'] as const)
          .filter((k) => reported[k] && !reads.has(`reportedOutput.${k}`))
          .map((k) => ['reportedOutput', k]),
      ];
      // The same warning as a method variant's unread fields (nep.ts): the basis is the profile's variant.
      if (unread.length)
        warnings.push(
          makeWarning('input-not-used', {
            indicator: id,
            path,
            params: { line: id, fields: unread.map((f) => f.join('.')).join(', '), variant: `outputBasis: ${basis}` },
          }),
        );

      const total = tracer.record(
        { en: `total at ${basis}`, zh: `${BASIS_ZH[basis]}合计` },
        'V = Σ lines',
        {},
        sumIn(
          A,
          lines.map((l) => l.value),
          '元',
        ),
      );
      if (A.compare(total.value, A.zero) < 0) {
        warnings.push(
          makeWarning('negative-value', {
            indicator: id,
            path,
            params: { id, basis: { en: basis, zh: BASIS_ZH[basis] }, value: A.toDisplayText(total.value) },
          }),
        );
      }
      return { lines, total, steps: tracer.steps, warnings };
    },
  });
}

/** The input block of a product-output indicator (agriculture, forestry, livestock, fishery, other). */
export type ProductOutputInput = z.input<ReturnType<typeof productOutputModule>['inputSchema']>;

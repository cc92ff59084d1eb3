/**
 * 景观价值 — Landscape premium: the part of house prices near parks, water and hills that the
 * landscape explains (hedonic pricing; gep-methods §4.17 [R]; Shenzhen 2020 counts 自然景观溢价
 * 109.75 亿元 [V S11]).
 *   V_stock = Σ_k F_k · P_k · δ_k
 * F_k floor area (m²) of dwellings in the influence zone of landscape k, P_k house price (元/m²),
 * δ_k premium share attributed to the landscape by a hedonic regression (0–1).
 *
 * V_stock is a capitalised (stock) value, while GEP is an annual flow (gep-methods §2.1, §7). The
 * choice is explicit, the profile's variant `annualisation` (gep-methods §9 item 14):
 *   stock           V = V_stock                                  (the formula as written; warned about)
 *   land-use-term   V = V_stock / T                              T: residential land-use term, 70 a
 *                                                                (`land-use-term.residential`, to verify)
 *   rent-yield      V = V_stock · y                              y: gross rental yield per year (input)
 *   annuity         V = V_stock · r / (1 − (1 + r)^−T)          capital-recovery factor; r from
 *                                                                `discount-rate.asset-npv`, T as above
 * Each line is priced per m² of floor area: u_k = P_k · δ_k · f, with f the annualisation factor,
 * so V_k = F_k · u_k and a later year can be valued at this year's u_k.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import type { Text } from '../../errors/text.js';
import { givenOrCoefficient, inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price } from '../input-schema.js';
import { convert } from '../../units/units.js';
import type { QuantityLine, TracedValue, ValueLine } from '../types.js';

const ID = 'cultural.landscape';
const FACTOR = { en: 'annualisation factor', zh: '年化系数' };

const module = defineIndicator({
  id: ID,
  inputs: {
    zones: z
      .array(
        z.strictObject({
          item: z
            .string()
            .min(1)
            .meta(about('landscape and its influence zone (park, river, lake, hill)', '景观及其影响范围（公园、河流、湖泊、山体）')),
          ecosystemType: ecosystemType
            .optional()
            .meta(
              about(
                'ecosystem type of the landscape, for the value by ecosystem type',
                '景观所属生态系统类型，用于按生态系统类型分列价值量',
              ),
            ),
          floorArea: measure('m²').meta(about('floor area F of dwellings inside the influence zone', '影响范围内住宅建筑面积 F')),
          housePrice: price('元/m²').meta(
            about('average house price P in the zone, at the account price year', '影响范围内平均房价 P（核算价格年份）'),
          ),
          premiumShare: measure('1', { max: '1' }).meta(
            about(
              'share δ of the house price due to the landscape, from a hedonic regression (0–1 or %)',
              '房价中景观贡献的比例 δ，由特征价格回归得出（0–1 或 %）',
            ),
          ),
        }),
      )
      .min(1),
  },
  valuation: {
    landUseTerm: measure('a')
      .optional()
      .meta(
        about(
          'term T for the land-use-term and annuity variants; the table value (70 a) otherwise',
          '年限 T，用于 land-use-term 与 annuity 方法；不填则取参数表值（70 a）',
        ),
      ),
    rentYield: measure('1', { max: '1' })
      .optional()
      .meta(about('gross rental yield y per year (variant rent-yield; required there)', '年毛租金收益率 y（方法 rent-yield，该方法必填）')),
    discountRate: measure('1', { max: '1' })
      .optional()
      .meta(about('discount rate r per year (variant annuity); the table value otherwise', '年贴现率 r（方法 annuity）；不填则取参数表值')),
  },
  variants: {
    annualisation: {
      options: {
        stock: 'the capitalised premium V = Σ F·P·δ as it stands (a stock in a flow account; warned about)',
        'land-use-term': 'annual premium V = Σ F·P·δ / T, T = residential land-use term (70 a, to verify)',
        'rent-yield': 'annual premium V = Σ F·P·δ × y, y = gross rental yield (input)',
        annuity: 'annual premium V = Σ F·P·δ × r / (1 − (1 + r)^−T), the capital-recovery factor',
      },
      default: 'stock',
    },
  },
  coefficients: ['land-use-term.residential', 'discount-rate.asset-npv'],

  /** Floor area in the influence zones, m². */
  quantity(input, ctx) {
    const lines: QuantityLine<typeof ctx.A.zero>[] = input.zones.map((z_) => ({
      item: z_.item,
      ...(z_.ecosystemType ? { ecosystemType: z_.ecosystemType } : {}),
      quantity: readAmount(ctx.A, z_.floorArea, 'm²'),
    }));
    return {
      lines,
      total: sumIn(
        ctx.A,
        lines.map((l) => l.quantity),
        'm²',
      ),
      steps: [],
      warnings: [],
    };
  },

  /** Value of the landscape premium in 元: F × P × δ × f per zone. */
  value(input, q, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const annualisation = ctx.variant.annualisation;
    const stock = annualisation === 'stock';

    /** A parameter from the input, else from the table, traced; an issue when neither has it. */
    const parameter = (
      given: { value: string; unit: string } | undefined,
      field: string,
      coefficientId: string | null,
      unit: string,
      why: Text,
    ): { value: typeof A.zero; traced: TracedValue } | null => {
      const found = givenOrCoefficient(ctx, given, [...ctx.path, field], coefficientId, unit);
      if (!found) issues.push(makeIssue('input.required', [...ctx.path, field], { expected: why }));
      return found && { value: found.measure.value, traced: traced(A, found.measure, found.from) };
    };
    const positive = (x: { value: typeof A.zero } | null) => x !== null && A.compare(x.value, A.zero) > 0;

    // The annualisation factor f of the profile's variant (1 for the stock).
    let f = A.one;
    if (annualisation === 'land-use-term') {
      const T_ = parameter(input.landUseTerm, 'landUseTerm', 'land-use-term.residential', 'a', {
        en: 'a land-use term T (variant land-use-term)',
        zh: '土地使用年限 T（方法 land-use-term）',
      });
      if (T_ && !positive(T_))
        issues.push(
          makeIssue('input.out-of-range', [...ctx.path, 'landUseTerm', 'value'], {
            expected: { en: 'a term > 0', zh: '大于 0 的年限' },
            found: A.toString(T_.value),
          }),
        );
      else if (T_) f = tracer.record(FACTOR, 'f = 1 / T', { T: T_.traced }, { value: A.divide(A.one, T_.value), unit: '1/a' }).value;
    } else if (annualisation === 'rent-yield') {
      const y = parameter(input.rentYield, 'rentYield', null, '1', {
        en: 'a gross rental yield y (variant rent-yield)',
        zh: '毛租金收益率 y（方法 rent-yield）',
      });
      if (y) f = tracer.record(FACTOR, 'f = y', { y: y.traced }, { value: y.value, unit: '1/a' }).value;
    } else if (annualisation === 'annuity') {
      const r = parameter(input.discountRate, 'discountRate', 'discount-rate.asset-npv', '1', {
        en: 'a discount rate r (variant annuity)',
        zh: '贴现率 r（方法 annuity）',
      });
      const T_ = parameter(input.landUseTerm, 'landUseTerm', 'land-use-term.residential', 'a', {
        en: 'a term T (variant annuity)',
        zh: '年限 T（方法 annuity）',
      });
      if (r && T_ && (!positive(r) || !positive(T_))) {
        issues.push(
          makeIssue('input.out-of-range', [...ctx.path, positive(r) ? 'landUseTerm' : 'discountRate'], {
            expected: { en: 'r > 0 and T > 0 for the capital-recovery factor', zh: 'r > 0 且 T > 0（资本回收系数的要求）' },
            found: `r = ${A.toString(r.value)}, T = ${A.toString(T_.value)}`,
          }),
        );
      } else if (r && T_) {
        const discount = A.pow(A.add(A.one, r.value), A.negate(T_.value));
        f = tracer.record(
          FACTOR,
          'f = r / (1 − (1 + r)^−T)',
          { r: r.traced, T: T_.traced },
          { value: A.divide(r.value, A.subtract(A.one, discount)), unit: '1/a' },
        ).value;
      }
    }
    if (issues.length) throw new GepInputError(issues);
    if (stock) warnings.push(makeWarning('landscape-stock-value', { indicator: ID, path: ctx.path }));

    const lines: ValueLine<typeof A.zero>[] = input.zones.map((z_, k) => {
      const at = [...ctx.path, 'zones', k];
      const p = resolvePrice(ctx, z_.housePrice, null, [...at, 'housePrice'], ID).price;
      const P = { value: convert(A, p.value, p.unit, '元/m²'), unit: '元/m²' };
      const delta = readAmount(A, z_.premiumShare, '1');
      const premiumStep = `premium per m² of ${z_.item}`;
      const premium = tracer.record(
        { en: premiumStep, zh: `${z_.item}单位面积溢价` },
        stock ? 'u = P × δ' : 'u = P × δ × f',
        {
          P: traced(A, P, p.from),
          δ: traced(A, delta, inputRef([...at, 'premiumShare'])),
          ...(stock ? {} : { f: { value: A.toString(f), unit: '1/a', from: 'step:annualisation factor' } }),
        },
        { value: stock ? A.multiply(P.value, delta.value) : A.multiply(A.multiply(P.value, delta.value), f), unit: '元/m²' },
      );
      const l = q.lines[k]!;
      const v = tracer.record(
        { en: `value of ${z_.item}`, zh: `${z_.item}价值量` },
        'V = F × u',
        { F: traced(A, l.quantity, inputRef([...at, 'floorArea'])), u: traced(A, premium, `step:${premiumStep}`) },
        valueAt(A, l.quantity, premium),
      );
      return {
        item: l.item,
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        unitPrice: { ...premium, priceYear: ctx.priceYear, from: `step:${premiumStep}` },
        value: v,
      };
    });
    const total = tracer.record(
      { en: 'total', zh: '合计' },
      'V = Σ V_k',
      {},
      sumIn(
        A,
        lines.map((l) => l.value),
        '元',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },
});

/** Metadata, inputs, variants and coefficients of the landscape premium. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of the landscape premium: influence zones and, per variant, the annualisation parameters. */
export type LandscapeInput = z.input<typeof inputSchema>;

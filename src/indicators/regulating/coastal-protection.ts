/**
 * 海岸带防护 — Coastal protection: the coastline that coastal ecosystems (mangrove, salt marsh,
 * coral reef, seagrass bed, coastal shelter forest) protect from waves and storm surge, valued at
 * the cost of the sea dyke or breakwater that would otherwise be needed.
 *   V_cp = Σ_j L_j · c_dyke                    (ndrc-2022-481 调节服务 · 海岸带防护, recalled in
 *                                              gep-methods §4.11 [R]; the text has not been read)
 *   L_j length of coastline protected by segment j (km); c_dyke cost per km of an equivalent
 *   dyke or breakwater (元/km). No verified default exists (gep-methods §4.11): the cost must be
 *   given, per segment or for the region, at the account price year.
 *   variant `cost: as-given`    c_dyke used as given (the recalled formula)
 *   variant `cost: annualised`  c = c_dyke / T + c_m, T service life of the dyke (a), c_m annual
 *                               maintenance cost per km (元/(km·a), 0 when not given). A method
 *                               choice, not read in any standard: GEP is an annual flow while a
 *                               construction cost is a stock (gep-methods §4.11 "annualised?",
 *                               §9 item 5); the national profile keeps `as-given`.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItemOf, readAmount, resolvePrice, sumIn, traced, Tracer, typeLineItem } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price, type PriceInput } from '../input-schema.js';
import { asFlowUnit, convert, multiplyInto } from '../../units/units.js';
import type { QuantityLine, UnitPrice, ValueLine } from '../types.js';

const ID = 'regulating.coastal-protection';
/** A line's name in Chinese: an ecosystem type's name, else the name as given. */
const zh = (item: string) => ecosystemTypeName(item, 'zh');

const module = defineIndicator({
  id: ID,
  inputs: {
    coastlines: z
      .array(
        z.strictObject({
          item: z
            .string()
            .min(1)
            .meta(
              about(
                'name of the coastline segment (and its protecting ecosystem, e.g. mangrove, salt marsh, shelter forest)',
                '岸段名称（及其防护生态系统，如红树林、盐沼、防护林）',
              ),
            ),
          ecosystemType: ecosystemType
            .optional()
            .meta(about('ecosystem type id of the protecting ecosystem, if any', '防护生态系统的生态系统类型代码（如有）')),
          length: measure('km').meta(about('length of coastline the ecosystem protects', '生态系统防护的海岸线长度')),
          dykeCost: price('元/km')
            .optional()
            .meta(
              about(
                'cost per km of the equivalent dyke or breakwater for this segment, at the account price year',
                '该岸段等效海堤或防波堤单位长度造价（元/km，核算价格年份）',
              ),
            ),
        }),
      )
      .min(1),
  },
  valuation: {
    dykeCost: price('元/km')
      .optional()
      .meta(
        about(
          'cost per km of the equivalent dyke or breakwater for every segment without its own (no table default: required unless each segment has one)',
          '未单独给定造价的岸段统一采用的等效海堤或防波堤单位长度造价（参数表无默认值：除非每个岸段均已给定，否则必填）',
        ),
      ),
    serviceLife: measure('a')
      .optional()
      .meta(about('service life of the dyke, for variant annualised', '海堤使用年限，用于方法 annualised')),
    maintenanceCost: price('元/(km·a)')
      .optional()
      .meta(
        about(
          'annual maintenance cost per km of dyke, for variant annualised (0 when not given)',
          '海堤单位长度年维护费用，用于方法 annualised（不填按 0 计）',
        ),
      ),
  },
  variants: {
    cost: {
      options: {
        'as-given': 'V = L × c_dyke, the dyke cost per km as given (gep-methods §4.11, recalled)',
        annualised:
          'V = L × (c_dyke / T + c_m): construction cost spread over the service life T plus annual maintenance (a method choice, not read in a standard)',
      },
      default: 'as-given',
    },
  },
  coefficients: [],

  /** Protected coastline per segment and in total, km. */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const lines: QuantityLine<typeof A.zero>[] = input.coastlines.map((c, i) => {
      const length = readAmount(A, c.length, 'km');
      return {
        ...typeLineItem(c.item),
        ...(c.ecosystemType ? { ecosystemType: c.ecosystemType } : {}),
        quantity: tracer.record(
          { en: `coastline protected by ${c.item}`, zh: `${zh(c.item)}防护的海岸线` },
          { en: 'L_j as given', zh: 'L_j 取输入值' },
          { L: traced(A, length, inputRef([...ctx.path, 'coastlines', i, 'length'])) },
          length,
        ),
      };
    });
    const total = tracer.record(
      { en: 'coastal protection', zh: '海岸带防护' },
      'L = Σ_j L_j',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        'km',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings: [] };
  },

  /** Value in 元: protected length × dyke cost per km (as given, or annualised over the service life). */
  value(input, q, ctx) {
    const { A } = ctx;
    type T = typeof A.zero;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const annualised = ctx.variant.cost === 'annualised';

    const resolve = (given: PriceInput | undefined, at: readonly (string | number)[]): UnitPrice<T> | undefined => {
      try {
        const r = resolvePrice(ctx, given, null, at, ID);
        warnings.push(...r.warnings);
        return r.price;
      } catch (e) {
        if (e instanceof GepInputError) {
          issues.push(...e.issues);
          return undefined;
        }
        throw e;
      }
    };

    let life: { value: T; from: string } | undefined;
    let maintenance: UnitPrice<T> | undefined;
    if (annualised) {
      const at = [...ctx.path, 'serviceLife'];
      if (!input.serviceLife)
        issues.push(
          makeIssue('input.required', at, {
            expected: { en: 'the service life of the dyke (variant annualised)', zh: '海堤的使用年限（方法 annualised）' },
          }),
        );
      else {
        const t = readAmount(A, input.serviceLife, 'a');
        if (A.compare(t.value, A.zero) <= 0)
          issues.push(
            makeIssue('input.out-of-range', [...at, 'value'], {
              expected: { en: 'a service life > 0', zh: '大于 0 的使用年限' },
              found: input.serviceLife.value,
            }),
          );
        else life = { value: t.value, from: inputRef(at) };
      }
      if (input.maintenanceCost) maintenance = resolve(input.maintenanceCost, [...ctx.path, 'maintenanceCost']);
    }

    const prices = input.coastlines.map((c, i) => {
      if (!c.dykeCost && !input.dykeCost) {
        issues.push(
          makeIssue('input.required', [...ctx.path, 'coastlines', i, 'dykeCost'], {
            expected: {
              en: 'a dyke or breakwater cost per km, here or as dykeCost for the region (no verified default exists)',
              zh: '每千米海堤或防波堤造价，在此处给出或作为全区的 dykeCost 给出（没有已核实的默认值）',
            },
          }),
        );
        return undefined;
      }
      return c.dykeCost
        ? resolve(c.dykeCost, [...ctx.path, 'coastlines', i, 'dykeCost'])
        : resolve(input.dykeCost, [...ctx.path, 'dykeCost']);
    });
    if (issues.length) throw new GepInputError(issues);

    const lines: ValueLine<T>[] = q.lines.map((l, i) => {
      const dyke = prices[i]!;
      let unit: UnitPrice<T> = dyke;
      if (annualised) {
        const perYear = tracer.record(
          { en: `annual dyke cost for ${l.item}`, zh: `${zh(l.item)}堤坝年均成本` },
          maintenance ? 'c = c_dyke / T + c_m' : 'c = c_dyke / T',
          {
            c_dyke: traced(A, dyke, dyke.from),
            T: { value: A.toString(life!.value), unit: 'a', from: life!.from },
            ...(maintenance ? { c_m: traced(A, maintenance, maintenance.from) } : {}),
          },
          {
            value: A.add(
              A.divide(convert(A, dyke.value, dyke.unit, '元/km'), life!.value),
              maintenance ? convert(A, maintenance.value, asFlowUnit(maintenance.unit, '元/(km·a)'), '元/(km·a)') : A.zero,
            ),
            unit: '元/(km·a)',
          },
        );
        unit = { ...perYear, priceYear: dyke.priceYear, from: `step:annual dyke cost for ${l.item}` };
      }
      const v = tracer.record(
        { en: `value of ${l.item}`, zh: `${zh(l.item)}价值量` },
        annualised ? 'V = L × c' : 'V = L × c_dyke',
        {
          L: traced(A, l.quantity, `step:coastline protected by ${l.item}`),
          c: traced(A, unit, unit.from),
        },
        {
          value: multiplyInto(A, l.quantity.value, l.quantity.unit, unit.value, unit.unit, annualised ? '元/a' : '元'),
          unit: '元' as const,
        },
      );
      return {
        ...lineItemOf(l),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        unitPrice: unit,
        value: v,
      };
    });
    const total = tracer.record(
      { en: 'total', zh: '合计' },
      'V_cp = Σ V_j',
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

/** Metadata, inputs, variants and coefficients of coastal protection. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of coastal protection. */
export type CoastalProtectionInput = z.input<typeof inputSchema>;

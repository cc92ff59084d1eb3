/**
 * 释氧 — Oxygen release: the O₂ that ecosystems release in the accounting year by photosynthesis.
 * Local standards only: the national profile leaves it out (gep-methods §3.1, §7 "carbon vs
 * oxygen": the same photosynthetic flow as carbon sequestration). Per ecosystem type i, by the
 * profile's variant `quantity`:
 *   `nep`            Q_O2 = (32/12) · NEP, NEP = NPP_C − R_h, or Q_O2 = (32/44) · Q_CO2 when the
 *                    CO₂ fixed is given                 (stoichiometry, 1 mol O₂ per mol CO₂;
 *                                                        gep-methods §4.9; forest-assets-2017 §1.2 for NEP)
 *   `dry-matter`     Q_O2 = 1.2 · NPP_dm                 (baiyangdian-2017 §2.2.3)
 *   `dry-matter-ly`  Q_O2 = 1.19 · NPP_dm                (LY/T 1721—2008 as applied by zhang-2018 §1 and
 *                                                        miao-2017 Table 1; 6·32/162 = 1.185)
 *   For reproducing a published account, `reported` takes the O₂ quantities as printed instead of
 *   `ecosystems`, whatever the variant.
 *   V_op = Σ_i Q_O2,i · C_O2                             (C_O2 oxygen price, 元/t; baiyangdian-2017 §2.2.3)
 * O₂ in t/a (plain mass), NEP in t C/a, CO₂ in t CO2/a. Pick one basis per profile: mixing NEP for
 * carbon with NPP for oxygen gives an O₂/CO₂ ratio far above 32/44 (gep-methods §4.9, S6 warning).
 * A negative NEP (a net source) gives a negative release, kept with its sign and warned about.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItem, readAmount, sumIn, traced, Tracer, valueItems, withoutRepeats } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, measure, price } from '../input-schema.js';
import { multiplyInto } from '../../units/units.js';
import type { Arithmetic } from '../../numbers/arithmetic.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, QuantityLine } from '../types.js';
import { lineName, netSourceWarning, nepOf, notUsedWarning, nppDryMatter, productivityFields, type Name } from './nep.js';

const ID = 'regulating.oxygen-release';
const zh = (item: string) => ecosystemTypeName(item, 'zh');
const o2Step = (name: Name) => ({ en: `O₂ released by ${name.en}`, zh: `${name.zh}释氧量` });
const RELEASE = { en: 'the oxygen release', zh: '释氧量' };

/** Coefficient of O₂ per t of dry matter, by variant. */
const DRY_MATTER_FACTOR = {
  'dry-matter': 'o2-per-dry-matter',
  'dry-matter-ly': 'o2-per-dry-matter.ly-t-1721',
} as const;

/** The fields each variant reads; fields of another variant are not used, and a warning says so. */
const VARIANT_FIELDS = {
  nep: ['nep', 'npp', 'heterotrophicRespiration', 'co2Fixed'],
  'dry-matter': ['nppDryMatter'],
  'dry-matter-ly': ['nppDryMatter'],
} as const;

/** A negative release makes the line a net carbon source: warned about, kept with its sign. */
function warnNegative<T>(A: Arithmetic<T>, at: readonly (string | number)[], name: Name, q: Measure<T>) {
  return A.compare(q.value, A.zero) < 0 ? netSourceWarning(ID, at, name, RELEASE, A.toString(q.value), q.unit) : null;
}

const module = defineIndicator({
  id: ID,
  inputs: {
    ecosystems: z
      .array(
        z.strictObject({
          ...productivityFields,
          co2Fixed: measure('t CO2/a', { nonNegative: false })
            .optional()
            .meta(
              about(
                'CO₂ fixed by the type, when neither NEP nor NPP is given (variant nep: Q_O2 = 32/44 × CO₂)',
                '该类型固定的 CO₂，未给 NEP 与 NPP 时使用（方法 nep：Q_O2 = 32/44 × CO₂）',
              ),
            ),
          nppDryMatter: nppDryMatter('variants dry-matter, dry-matter-ly'),
        }),
      )
      .min(1),
  },
  reported: {
    unit: 't/a',
    description: about('O₂ released as printed by a published account', '公布的核算结果所列释氧量'),
    nonNegative: false,
    stepName: (item: string) => o2Step({ en: item, zh: zh(item) }),
    warn: <T>(row: { readonly item: string }, i: number, q: Measure<T>, ctx: IndicatorContext<T>) =>
      warnNegative(ctx.A, [...ctx.path, 'reported', i], { en: row.item, zh: zh(row.item) }, q),
  },
  valuation: {
    oxygenPrice: price('元/t')
      .optional()
      .meta(
        about(
          'oxygen price per t O₂ at the account price year; the table value otherwise',
          '氧气单价（元/t O₂，核算价格年份）；不填则取参数表值',
        ),
      ),
  },
  variants: {
    quantity: {
      options: {
        nep: 'Q_O2 = 32/12 × NEP (or 32/44 × CO₂ fixed): stoichiometric, one mol O₂ per mol CO₂',
        'dry-matter': 'Q_O2 = 1.2 × NPP in dry matter (baiyangdian-2017)',
        'dry-matter-ly': 'Q_O2 = 1.19 × NPP in dry matter (LY/T 1721—2008 via zhang-2018, miao-2017)',
      },
      default: 'nep',
    },
  },
  coefficients: ['o2-per-carbon', 'o2-per-co2', 'o2-per-dry-matter', 'o2-per-dry-matter.ly-t-1721', 'oxygen-price'],

  /** O₂ released per ecosystem type and in total, t/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const lines: QuantityLine<typeof A.zero>[] = [];
    const variant = ctx.variant.quantity;

    /** Q_O2 = k × basis, k a stoichiometric or dry-matter coefficient, recorded as the line's step. */
    const release = (
      name: Name,
      id: string,
      symbol: string,
      basis: Measure<typeof A.zero>,
      from: string,
      at: readonly (string | number)[],
    ) => {
      const k = ctx.coefficients.get(id, at);
      return tracer.record(
        o2Step(name),
        `Q_O2 = k × ${symbol}`,
        { [symbol]: traced(A, basis, from), k: traced(A, { value: k.value, unit: k.unit }, `coefficient:${id}`) },
        { value: multiplyInto(A, basis.value, basis.unit, k.value, k.unit, 't/a'), unit: 't/a' as const },
      );
    };

    input.ecosystems.forEach((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const name = lineName(e);
      const unused = notUsedWarning(ID, e, at, name, VARIANT_FIELDS, variant);
      if (unused) warnings.push(unused);
      let o2: Measure<typeof A.zero, 't/a'>;

      if (variant === 'dry-matter' || variant === 'dry-matter-ly') {
        if (!e.nppDryMatter) {
          issues.push(
            makeIssue('input.required', [...at, 'nppDryMatter'], {
              expected: { en: `NPP as dry matter (variant ${variant})`, zh: `以干物质计的 NPP（方法 ${variant}）` },
            }),
          );
          return;
        }
        o2 = release(
          name,
          DRY_MATTER_FACTOR[variant],
          'NPP_dm',
          readAmount(A, e.nppDryMatter, 't/a'),
          inputRef([...at, 'nppDryMatter']),
          at,
        );
      } else {
        const found = nepOf(A, tracer, e, at, name);
        if (found) o2 = release(name, 'o2-per-carbon', 'NEP', found.nep, found.from, at);
        else if (e.co2Fixed)
          o2 = release(name, 'o2-per-co2', 'Q_CO2', readAmount(A, e.co2Fixed, 't CO2/a'), inputRef([...at, 'co2Fixed']), at);
        else {
          issues.push(
            makeIssue('input.required', [...at, 'nep'], {
              expected: {
                en: 'NEP, NPP and heterotrophicRespiration, or co2Fixed (variant nep)',
                zh: 'NEP，NPP 与 heterotrophicRespiration，或 co2Fixed（方法 nep）',
              },
            }),
          );
          return;
        }
      }
      const negative = warnNegative(A, at, name, o2);
      if (negative) warnings.push(negative);
      lines.push({ ...lineItem(name), ecosystemType: e.ecosystemType, quantity: o2 });
    });
    if (issues.length) throw new GepInputError(issues);
    const total = tracer.record(
      { en: 'oxygen release', zh: '释氧' },
      'Q = Σ_i Q_O2,i',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        't/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /** Value of oxygen release in 元: O₂ × the oxygen price (t O₂ beside 元/t). */
  value(input, q, ctx) {
    const r = valueItems(
      ctx,
      ID,
      q.lines.map((l) => ({
        item: l.item,
        itemZh: l.itemZh,
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        quantityFrom: `step:O₂ released by ${l.item}`,
        price: input.oxygenPrice,
        coefficientId: 'oxygen-price',
        pricePath: [...ctx.path, 'oxygenPrice'],
      })),
    );
    return { ...r, warnings: withoutRepeats(r.warnings) };
  },
});

/** Metadata, inputs, variants and coefficients of oxygen release. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of oxygen release: productivity (or CO₂ fixed) per ecosystem line, or O₂ as printed, and an optional oxygen price. */
export type OxygenReleaseInput = z.input<typeof inputSchema>;

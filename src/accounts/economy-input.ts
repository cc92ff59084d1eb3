/**
 * The economic blocks of the account input (经济数据): GDP with its basis, population, realised
 * ecological-product value, and the GEEP deduction terms (PDC, EcDC, RDC) by component. They sit
 * beside `indicators` in the account input (`economy`, `geep`); GEEP and the ratios read them.
 * Money is decimal text with a unit of money (元, 万元, 亿元, 万亿元) and an optional price year,
 * which must be the account's.
 */
import * as z from 'zod';
import { decimalArithmetic, isDecimalText } from '../numbers/arithmetic.js';
import { amountRules, anyMeasure, anyPrice, decimalText } from '../indicators/input-schema.js';
import { isKnownUnit, sameDimensionUnits } from '../units/units.js';

const year = z.int().min(1949).max(2100);

function moneyChecks(ctx: z.core.ParsePayload<{ value: string; unit: string }>): void {
  const { value, unit } = ctx.value;
  if (!isKnownUnit(unit)) {
    ctx.issues.push({
      code: 'custom',
      input: unit,
      path: ['unit'],
      message: 'unit',
      params: { gepCode: 'input.unit-unknown', found: unit },
    });
  } else if (!sameDimensionUnits(unit, '元')) {
    ctx.issues.push({
      code: 'custom',
      input: unit,
      path: ['unit'],
      message: 'dimension',
      params: {
        gepCode: 'input.unit-dimension',
        expected: { en: 'money (e.g. 元, 万元, 亿元)', zh: '货币（如 元、万元、亿元）' },
        found: unit,
      },
    });
  } else if (isDecimalText(value) && decimalArithmetic.fromString(value).lt(0)) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      path: ['value'],
      message: 'range',
      params: { gepCode: 'input.out-of-range', expected: { en: 'a value ≥ 0', zh: '≥ 0 的数值' }, found: value },
    });
  }
}

/** Value rules of money (src/plan/ checks each unit of a batch by them without zod): never below zero, in any money unit. */
const MONEY_RULES = { referenceUnit: null, nonNegative: true } as const;

/** An amount of money, `{ "value": "156.8", "unit": "亿元", "priceYear": 2022 }`. */
export const moneyInput = z
  .strictObject({ value: decimalText, unit: z.string(), priceYear: year.optional() })
  .check(moneyChecks)
  .register(amountRules, MONEY_RULES);
export type MoneyInput = z.infer<typeof moneyInput>;

/** Where a GDP figure comes from; the GEEP and GGI of CAEP's national accounts use the sum of provinces (geep-methods §2.5). */
export const GDP_BASES = ['regional-statistics', 'sum-of-subregions', 'national-nbs'] as const;
/** How the GDP was obtained (national accounts, sum of provinces, regional statistics …), recorded in results. */
export type GdpBasis = (typeof GDP_BASES)[number];

/** Channels through which ecological-product value is realised (生态产品价值实现途径; lin-2023-realisation [R]). */
export const REALISATION_CHANNELS = ['market-sale', 'compensation', 'premium', 'rights-trading', 'tourism', 'other'] as const;

/** A population count: `{ "value": "30.2", "unit": "万人" }` (persons or 10⁴ persons). */
export const populationInput = z
  .strictObject({
    value: decimalText,
    unit: z.enum(['人', '万人']),
    /** Resident (常住) or registered (户籍) population. */
    kind: z.enum(['resident', 'registered']).optional(),
    source: z.string().min(1).optional(),
  })
  .check((ctx) => {
    if (isDecimalText(ctx.value.value) && decimalArithmetic.fromString(ctx.value.value).lte(0)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.value,
        path: ['value'],
        message: 'range',
        params: { gepCode: 'input.out-of-range', expected: { en: 'a population > 0', zh: '大于 0 的人口' }, found: ctx.value.value },
      });
    }
  });
export type PopulationInput = z.infer<typeof populationInput>;

/** `economy`: GDP and its basis, population, realised value. */
export const economyInputSchema = z.strictObject({
  gdp: z
    .strictObject({
      value: decimalText,
      unit: z.string(),
      priceYear: year.optional(),
      basis: z.enum(GDP_BASES),
      source: z.string().min(1).optional(),
    })
    .check(moneyChecks)
    .register(amountRules, MONEY_RULES)
    .optional(),
  population: populationInput.optional(),
  /** Value realised through markets, compensation and trading, for the realisation rate. */
  realisedValue: z
    .array(
      z.strictObject({
        item: z.string().min(1),
        channel: z.enum(REALISATION_CHANNELS),
        value: moneyInput,
        source: z.string().min(1).optional(),
      }),
    )
    .min(1)
    .optional(),
});
/** The `economy` block of an account input: GDP with its basis, population, realised value. */
export type EconomyInput = z.infer<typeof economyInputSchema>;

/** The fields every deduction component shares. */
const componentBase = {
  item: z.string().min(1),
  value: moneyInput.optional(),
  quantity: anyMeasure.optional(),
  unitCost: anyPrice.optional(),
  /** Valuation method, in words (adjusted human capital, shadow price of water …). */
  method: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
};

/**
 * A component is a value as given (`value`), or a simple calculator `quantity × unitCost` (e.g.
 * virtual treatment cost = pollutant discharged × unit treatment cost; damaged area × service value
 * per area). Exactly one of the two forms.
 */
function oneForm(ctx: z.core.ParsePayload<{ value?: unknown; quantity?: unknown; unitCost?: unknown }>): void {
  const c = ctx.value;
  if (c.value !== undefined && (c.quantity !== undefined || c.unitCost !== undefined)) {
    ctx.issues.push({
      code: 'custom',
      input: c,
      path: ['value'],
      message: 'one form',
      params: {
        gepCode: 'input.type',
        expected: { en: 'either value, or quantity and unitCost, not both', zh: 'value，或 quantity 与 unitCost（二者不可同时给出）' },
        found: { en: 'both', zh: '两者都有' },
      },
    });
  } else if (c.value === undefined && (c.quantity === undefined || c.unitCost === undefined)) {
    ctx.issues.push({
      code: 'custom',
      input: c,
      path: [c.quantity === undefined ? 'quantity' : 'unitCost'],
      message: 'required',
      params: { gepCode: 'input.required', expected: { en: 'a value, or quantity and unitCost', zh: 'value，或 quantity 与 unitCost' } },
    });
  }
}

/** Media of the pollution-loss cost (geep-methods §3.1.1). */
export const PDC_MEDIA = ['air', 'water', 'soil', 'solid-waste', 'accident', 'other'] as const;
/** Ecosystems of the ecological-damage cost (geep-methods §3.2). */
export const ECDC_ECOSYSTEMS = ['forest', 'grassland', 'wetland', 'farmland', 'marine', 'mining', 'desert', 'other'] as const;
/** Resources of the resource-depletion cost (the 2004 design's five items, geep-methods §2.4 V4). */
export const RDC_RESOURCES = ['cultivated-land', 'mineral', 'forest', 'water', 'fishery', 'other'] as const;
/** Damage-based (the CAEP GEEP default) or cost-based (virtual treatment cost) pollution loss (geep-methods §3.1.5). */
export const PDC_BASES = ['damage', 'virtual-treatment'] as const;

export const pollutionComponent = z
  .strictObject({ ...componentBase, medium: z.enum(PDC_MEDIA), basis: z.enum(PDC_BASES).optional() })
  .check(oneForm);
export const ecologicalDamageComponent = z.strictObject({ ...componentBase, ecosystem: z.enum(ECDC_ECOSYSTEMS) }).check(oneForm);
export const resourceDepletionComponent = z.strictObject({ ...componentBase, resource: z.enum(RDC_RESOURCES) }).check(oneForm);

/** GEEP variants (geep-methods §2.4). */
export const GEEP_VARIANTS = ['caep', 'caep-with-resource-depletion', 'eco-gdp-all-services'] as const;
/** A published GEEP variant (see GEEP_VARIANT_SPECS). */
export type GeepVariant = (typeof GEEP_VARIANTS)[number];

/** `geep`: the deduction terms by component and the GEEP options. */
export const geepInputSchema = z.strictObject({
  variant: z.enum(GEEP_VARIANTS).optional(),
  /** Which PDC components count: damage-based (default), virtual-treatment, or both (`mixed`). */
  pdcBasis: z.enum(['damage', 'virtual-treatment', 'mixed']).optional(),
  /** PDC 污染损失成本, by component; `[]` states that there is none. */
  pollutionLoss: z.array(pollutionComponent),
  /** EcDC 生态破坏成本, by component; `[]` states that there is none. */
  ecologicalDamage: z.array(ecologicalDamageComponent),
  /** RDC 资源耗减成本, by component; used only by the variants that deduct it. */
  resourceDepletion: z.array(resourceDepletionComponent).optional(),
  /** ERS given directly (e.g. a published regulating subtotal); otherwise the account's regulating total. */
  regulatingServices: z
    .strictObject({ value: decimalText, unit: z.string(), priceYear: year.optional(), source: z.string().min(1).optional() })
    .check(moneyChecks)
    .optional(),
  /** Regulating indicators whose value is already inside GDP, left out of ERS (geep-methods §5.1). */
  excludeFromRegulating: z.array(z.string().regex(/^regulating\.[a-z-]+$/)).optional(),
});
/** The `geep` block of an account input: the cost terms and the variant. */
export type GeepInput = z.infer<typeof geepInputSchema>;
export type CostComponentInput =
  | z.infer<typeof pollutionComponent>
  | z.infer<typeof ecologicalDamageComponent>
  | z.infer<typeof resourceDepletionComponent>;

/**
 * The monetary ecosystem asset account (生态系统资产货币账户, SEEA EA ch. 10): the value of the
 * ecosystem assets as the net present value of the services they are expected to supply.
 *
 *   V = Σ_{t=1..L} S / (1 + r)^t = S · (1 − (1 + r)^−L) / r     (r > 0)
 *   V = S · L                                                   (r = 0)
 *
 * S is the annual monetary supply of the services with a SEEA EA counterpart, by ecosystem type
 * (the monetary supply table), assumed to continue unchanged at the account's prices for L years
 * (asset life) and discounted at r; the first year's flow falls one year after the valuation date.
 * L and r are parameters with no default: SEEA EA leaves their choice to the compiler (recalled, not
 * read), and no Chinese standard sets them for GEP. Services without counterpart (oxygen release,
 * negative ions, ecological energy, reservoir flood storage) are left out and listed, unless the
 * caller includes them. With an opening account the opening value is computed the same way from
 * the opening flows at the opening prices; the net change mixes quantity and price changes
 * (`gep compare` splits the flows' change into both) and is not split into the SEEA EA entries
 * (degradation, enhancement, revaluation), which would need a condition account.
 */
import { GepInputError, makeIssue, type GepIssue } from '../errors/errors.js';
import { decimalArithmetic as A, isDecimalText, type GepDecimal } from '../numbers/arithmetic.js';
import type { ServiceTables, SupplyRow } from './services.js';
import { annuityFactor } from '../applications/present-value.js';

/** Parameters of the asset account. */
export interface AssetParameters {
  /** Asset life L in years: a whole number from 1 to 1000. */
  readonly lifeYears: number;
  /** Discount rate r as a fraction (`"0.03"` for 3 %), in [0, 1). */
  readonly discountRate: string;
  /** Count services without a SEEA counterpart too; default false. */
  readonly includeNoCounterpart?: boolean;
}

/** The formula, written into the result. */
export const ASSET_FORMULA =
  'V = Σ_{t=1..L} S/(1+r)^t = S·(1 − (1+r)^−L)/r (r > 0); V = S·L (r = 0); S = annual monetary supply, constant at the account prices, first flow one year after the valuation date';
/** `ASSET_FORMULA` in Chinese. */
export const ASSET_FORMULA_ZH =
  'V = Σ_{t=1..L} S/(1+r)^t = S·(1 − (1+r)^−L)/r（r > 0）；V = S·L（r = 0）；S 为年度服务供给价值量，按核算价格保持不变，首笔流量发生在估值日之后一年';

/** One row of the asset account: an annual flow and its present value, in 元. */
export interface AssetRow {
  readonly key: string;
  /** The key with a part's label in Chinese, when the row is a part of an indicator's lines. */
  readonly keyZh?: string;
  readonly annualFlow: string;
  readonly value: string;
}

/** The asset value of one period. */
export interface AssetValuation {
  readonly priceYear: number;
  readonly byType: readonly AssetRow[];
  readonly byService: readonly (AssetRow & { readonly service: string | null })[];
  readonly total: AssetRow;
  /** Rows left out: no SEEA counterpart. */
  readonly excluded: readonly (AssetRow & { readonly reason: string })[];
}

/** The monetary ecosystem asset account. */
export interface AssetAccount {
  readonly parameters: { readonly lifeYears: number; readonly discountRate: string; readonly includeNoCounterpart: boolean };
  /** (1 − (1+r)^−L)/r, or L when r = 0. */
  readonly annuityFactor: string;
  readonly formula: string;
  readonly formulaZh: string;
  readonly closing: AssetValuation;
  readonly opening: AssetValuation | null;
  /** closing − opening in 元 (at their own prices), when an opening account is given. */
  readonly netChange: string | null;
}

/**
 * Check the parameters of the asset account (资产账户参数): life 1–1000 whole years, rate in [0, 1).
 *
 * @param p - asset life in years and discount rate as a fraction
 * @throws {GepInputError} with every issue, located under `asset`
 * @example
 * checkAssetParameters({ lifeYears: 20, discountRate: '0.03' })   // fine
 */
export function checkAssetParameters(p: AssetParameters): void {
  const issues: GepIssue[] = [];
  if (!Number.isInteger(p.lifeYears) || p.lifeYears < 1 || p.lifeYears > 1000) {
    issues.push(
      makeIssue('input.out-of-range', ['asset', 'lifeYears'], {
        expected: { en: 'a whole number of years from 1 to 1000', zh: '1 至 1000 的整数年数' },
        found: String(p.lifeYears),
      }),
    );
  }
  if (typeof p.discountRate !== 'string' || !isDecimalText(p.discountRate)) {
    issues.push(makeIssue('input.not-a-number', ['asset', 'discountRate'], { found: JSON.stringify(p.discountRate) }));
  } else {
    const r = A.fromString(p.discountRate);
    if (A.compare(r, A.zero) < 0 || A.compare(r, A.one) >= 0)
      issues.push(
        makeIssue('input.out-of-range', ['asset', 'discountRate'], {
          expected: { en: 'a fraction from 0 to below 1 (0.03 for 3 %)', zh: '0 至 1（不含）之间的小数（3 % 写作 0.03）' },
          found: p.discountRate,
        }),
      );
  }
  if (issues.length) throw new GepInputError(issues);
}

/** The annuity factor Σ_{t=1..L} (1+r)^−t (年金现值系数), computed in one place for the applications and SEEA. */
export { annuityFactor };

function valuation(tables: ServiceTables, priceYear: number, factor: GepDecimal, includeAll: boolean): AssetValuation {
  const counts = (r: SupplyRow) => includeAll || r.seea.match !== 'none';
  const pv = (flow: GepDecimal) => A.toString(A.multiply(flow, factor));
  const kept = tables.supplyMonetary.filter(counts);
  const byType = tables.columns.flatMap((c) => {
    const flows = kept.flatMap((r) => (r.byType[c] === undefined ? [] : [A.fromString(r.byType[c]!)]));
    if (!flows.length) return [];
    const flow = A.sum(flows);
    return [{ key: c, annualFlow: A.toString(flow), value: pv(flow) }];
  });
  const keys = (r: SupplyRow) =>
    r.part ? { key: `${r.indicator} · ${r.part}`, keyZh: `${r.indicator} · ${r.partZh}` } : { key: r.indicator };
  const byService = kept.map((r) => ({ ...keys(r), service: r.seea.service, annualFlow: r.total, value: pv(A.fromString(r.total)) }));
  const total = A.sum(kept.map((r) => A.fromString(r.total)));
  const excluded = tables.supplyMonetary
    .filter((r) => !counts(r))
    .map((r) => ({
      ...keys(r),
      annualFlow: r.total,
      value: pv(A.fromString(r.total)),
      reason: 'no SEEA EA counterpart',
    }));
  return { priceYear, byType, byService, total: { key: 'total', annualFlow: A.toString(total), value: pv(total) }, excluded };
}

/**
 * The monetary ecosystem asset account (生态系统资产价值): NPV of the service flows.
 *
 * @param closing - supply and use tables of the period accounted, and its price year
 * @param parameters - asset life (years), discount rate (fraction), whether to count services without counterpart
 * @param opening - the previous period's tables and price year, for the opening value
 * @returns the annuity factor, values by ecosystem type and by service, totals, what was left out
 * @throws {GepInputError} when the life or the rate is out of range
 * @example
 * // S = 1 000 000 元/a, L = 2, r = 10 %: V = 1 000 000 × 1.7355371900826… = 1 735 537.19… 元
 */
export function assetAccount(
  closing: { readonly tables: ServiceTables; readonly priceYear: number },
  parameters: AssetParameters,
  opening?: { readonly tables: ServiceTables; readonly priceYear: number },
): AssetAccount {
  checkAssetParameters(parameters);
  const includeAll = parameters.includeNoCounterpart ?? false;
  const factor = annuityFactor(parameters.lifeYears, A.fromString(parameters.discountRate));
  const close = valuation(closing.tables, closing.priceYear, factor, includeAll);
  const open = opening ? valuation(opening.tables, opening.priceYear, factor, includeAll) : null;
  return {
    parameters: {
      lifeYears: parameters.lifeYears,
      discountRate: A.toString(A.fromString(parameters.discountRate)),
      includeNoCounterpart: includeAll,
    },
    annuityFactor: A.toString(factor),
    formula: ASSET_FORMULA,
    formulaZh: ASSET_FORMULA_ZH,
    closing: close,
    opening: open,
    netChange: open ? A.toString(A.subtract(A.fromString(close.total.value), A.fromString(open.total.value))) : null,
  };
}

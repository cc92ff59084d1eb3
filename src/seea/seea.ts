/**
 * A GEP account as the UN SEEA Ecosystem Accounting tables (SEEA EA 生态系统核算表): the ecosystem
 * extent account, the ecosystem services supply and use tables (physical and monetary) and the
 * monetary ecosystem asset account, each row with its SEEA EA service or IUCN GET class and the
 * status of that mapping. It serves the seed's aim that accounting data can enter the national
 * accounts (shared/seed, Shanxi 2022 opinions, clause 六: "探索将生态产品价值核算基础数据纳入国民经济核算体系").
 *
 * This is a re-arrangement of the account, not a SEEA EA compilation: GEP values output where SEEA
 * EA values the ecosystem's contribution, counts capacity where SEEA EA counts use, and has
 * indicators without counterpart. Each row says how close it is (`seea-ea-mapping.json`), and the
 * mapping's status is to-verify: the SEEA EA text (ch. 6, Table 6.3) was not read.
 */
import type { GepResultJson } from '../accounts/serialize.js';
import type { GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { LIBRARY_VERSION } from '../version.js';
import { decimalArithmetic as A } from '../numbers/arithmetic.js';
import { assetAccount, type AssetAccount, type AssetParameters } from './assets.js';
import { extentAccount, type ExtentAccount } from './extent.js';
import { seeaMapping, serviceMapping, typeMapping, type SeeaMapping, type SeeaServiceMapping, type SeeaTypeMapping } from './mapping.js';
import { NOT_STATED, serviceTables, type SeeaAllocation, type ServiceTables } from './services.js';

/** Options of `seeaTables`. */
export interface SeeaOptions {
  /** Shares of an indicator's supply by user (industries, households, government), from the caller. */
  readonly allocation?: SeeaAllocation;
  /** Asset life and discount rate of the asset account; without them there is no asset account. */
  readonly asset?: AssetParameters;
  /** The previous period's input and account, for the opening extent and the opening asset value. */
  readonly opening?: { readonly input: unknown; readonly result: GepResultJson };
}

/** The SEEA EA tables of one account (plain data, decimal strings). */
export interface SeeaTables {
  readonly kind: 'seea-ea-tables';
  readonly libraryVersion: string;
  readonly region: GepResultJson['region'];
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: { readonly id: string; readonly version: string };
  readonly coefficientTable: string;
  readonly opening: { readonly accountingYear: number; readonly priceYear: number; readonly coefficientTable: string } | null;
  readonly mapping: {
    readonly note: string;
    readonly noteZh: string;
    readonly sources: SeeaMapping['sources'];
    /** One row per indicator of the account. */
    readonly services: readonly (SeeaServiceMapping & { readonly zh: string; readonly en: string; readonly value: string })[];
    /** One row per ecosystem type of the extent or the supply tables. */
    readonly ecosystemTypes: readonly SeeaTypeMapping[];
  };
  readonly extent: ExtentAccount;
  readonly services: ServiceTables;
  readonly assets: AssetAccount | null;
  /** What a reader should know (no asset account, prices of the opening value), in English and Chinese. */
  readonly notes: readonly { readonly en: string; readonly zh: string }[];
  readonly warnings: readonly GepWarning[];
}

/**
 * The SEEA EA tables of a GEP account (SEEA 生态系统核算表): extent, supply and use, asset value.
 *
 * @param input - the account input (its areas make the extent account)
 * @param result - the account in its JSON form (`gepResultToJson(computeGep(input))`)
 * @param options - users' shares, asset life and discount rate, the opening period's input and account
 * @returns the tables with the mapping of every row, notes and warnings
 * @throws {GepInputError} when a share or an asset parameter is out of range (every issue at once)
 * @example
 * const t = seeaTables(input, gepResultToJson(computeGep(input)), { asset: { lifeYears: 20, discountRate: '0.03' } });
 * t.services.reconciliation.holds   //=> true: the supply table adds up to the GEP
 */
export function seeaTables(input: unknown, result: GepResultJson, options: SeeaOptions = {}): SeeaTables {
  const mapping = seeaMapping();
  const services = serviceTables(result, options.allocation ?? {});
  const extent = extentAccount(input, options.opening?.input);
  const opening = options.opening;
  const warnings: GepWarning[] = [...extent.warnings, ...services.warnings];
  const notes: { en: string; zh: string }[] = [];
  if (opening) {
    if (opening.result.accountingYear >= result.accountingYear) {
      warnings.push(
        makeWarning('seea-opening-not-earlier', { params: { opening: opening.result.accountingYear, closing: result.accountingYear } }),
      );
    }
    if (opening.result.region.name !== result.region.name) {
      warnings.push(
        makeWarning('seea-opening-other-region', { params: { opening: opening.result.region.name, closing: result.region.name } }),
      );
    }
  }
  let assets: AssetAccount | null = null;
  if (options.asset) {
    const openingTables = opening ? serviceTables(opening.result, options.allocation ?? {}) : undefined;
    assets = assetAccount(
      { tables: services, priceYear: result.priceYear },
      options.asset,
      openingTables && opening ? { tables: openingTables, priceYear: opening.result.priceYear } : undefined,
    );
    // Products from outside the region are in the supply rows (GEP subtracts them as a lump): say
    // what they add to the asset value rather than capitalise them silently.
    const outside = A.fromString(services.reconciliation.outsideRegion);
    if (A.compare(outside, A.zero) !== 0)
      warnings.push(
        makeWarning('seea-assets-outside-region', {
          params: { outside: A.toString(outside), value: A.toString(A.multiply(outside, A.fromString(assets.annuityFactor))) },
        }),
      );
    if (opening && opening.result.priceYear !== result.priceYear) {
      notes.push({
        en: `the opening asset value is at ${opening.result.priceYear} prices, the closing value at ${result.priceYear} prices: the net change includes the change in prices`,
        zh: `期初资产价值按 ${opening.result.priceYear} 年价格、期末按 ${result.priceYear} 年价格计，净变化包含价格变化`,
      });
    }
  } else {
    notes.push({
      en: 'no asset account: it needs an asset life and a discount rate (no default: SEEA EA leaves both to the compiler)',
      zh: '未编制资产账户：需要给出资产寿命和贴现率（无默认值：SEEA EA 将二者留给编制者确定）',
    });
  }
  const types = new Set([...extent.rows.map((r) => r.ecosystemType), ...services.columns.filter((c) => c !== NOT_STATED)]);
  return {
    kind: 'seea-ea-tables',
    libraryVersion: LIBRARY_VERSION,
    region: result.region,
    accountingYear: result.accountingYear,
    priceYear: result.priceYear,
    profile: { id: result.profile.id, version: result.profile.version },
    coefficientTable: result.coefficientTable,
    opening: opening
      ? {
          accountingYear: opening.result.accountingYear,
          priceYear: opening.result.priceYear,
          coefficientTable: opening.result.coefficientTable,
        }
      : null,
    mapping: {
      note: mapping.note,
      noteZh: mapping.noteZh,
      sources: mapping.sources,
      services: result.indicators.map((i) => ({ ...serviceMapping(i.id), zh: i.zh, en: i.en, value: i.value.total.value })),
      ecosystemTypes: [...types].flatMap((t) => {
        const m = typeMapping(t);
        return m ? [m] : [];
      }),
    },
    extent,
    services,
    assets,
    notes,
    warnings,
  };
}

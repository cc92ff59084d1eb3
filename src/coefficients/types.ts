/** Coefficient tables (参数表): types shared by the loader, the resolver and the results. */

/** How well a coefficient's value is established. `to-verify` values are usable but flagged; strict mode refuses them. */
export type CoefficientStatus = 'verified' | 'derived' | 'to-verify';

/** One parameter row, as reviewed in `coefficients/<table>/<version>/coefficients.csv`. */
export interface Coefficient {
  readonly id: string;
  readonly symbol: string;
  /** Decimal text or an exact fraction (`44/12`). */
  readonly value: string;
  readonly unit: string;
  /** Document id in the source register (`coefficients/sources.csv`). */
  readonly source: string;
  readonly clause: string;
  /** Price year of a money value; `null` for physical parameters. */
  readonly priceYear: number | null;
  readonly status: CoefficientStatus;
  readonly note: string;
  /**
   * The value is one region's own (a tariff, an electricity price, a soil property) that the table
   * carries only as a fallback: an account that uses it is warned by name, and strict mode refuses it
   * (column `needsLocalValue`, `yes` or empty; tables before it have no such column).
   */
  readonly needsLocalValue?: boolean;
  /**
   * Where a row comes from when it is not the pinned table's own: a row carried by a local
   * indicator of a profile (`profile:<id>/<version> <indicator>`). The trace shows it as the row's table.
   */
  readonly table?: string;
}

/** An immutable table version, e.g. `national-2022/1.0.0`. */
export interface CoefficientTable {
  readonly id: string;
  readonly version: string;
  /** `id/version`, the key a profile pins. */
  readonly key: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly published: string;
  readonly note: string;
  /** The table version this one repeats with some rows replaced or added. */
  readonly extends?: string;
  readonly rows: readonly Coefficient[];
}

/** A document in the source register. */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly year: number | null;
  readonly url: string;
  readonly note: string;
}

/** A user's replacement for one coefficient, recorded in the trace. */
export interface CoefficientOverride {
  readonly id: string;
  readonly value: string;
  readonly unit: string;
  readonly priceYear?: number | null;
  /** Where the user's value comes from (document, survey, decision). */
  readonly source?: string;
  /** Why the table value was replaced. */
  readonly reason: string;
}

/** A coefficient as it was used in a computation: value, provenance and any override. */
export interface CoefficientUse {
  readonly id: string;
  readonly symbol: string;
  readonly value: string;
  readonly unit: string;
  /** Table key, e.g. `national-2022/1.0.0`. */
  readonly table: string;
  readonly source: string;
  readonly clause: string;
  readonly priceYear: number | null;
  readonly status: CoefficientStatus | 'user-override';
  /** Present when a price of another year was carried to the account's price year. */
  readonly rebased?: {
    readonly index: string;
    readonly fromYear: number;
    readonly toYear: number;
    /** P_to / P_from, and the value used. */
    readonly factor: string;
    readonly value: string;
    readonly years: readonly {
      readonly year: number;
      readonly change: string;
      readonly status: CoefficientStatus;
      readonly source: string;
    }[];
  };
  /** Present when the user replaced the table value. */
  readonly overridden?: {
    readonly reason: string;
    readonly tableValue: string;
    readonly tableUnit: string;
    readonly tableSource: string;
  };
}

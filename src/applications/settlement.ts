/**
 * Net settlement of eco-compensation between several regions (横向生态补偿净额结算): many pairwise
 * amounts (upstream–downstream, supplier–beneficiary, by river, by service) reduced to what each
 * region pays or receives on balance.
 *
 *   bilateral net of a pair (a, b):  n_ab = Σ amounts a → b − Σ amounts b → a
 *   net position of region i:         N_i = Σ received − Σ paid
 *   identity:                          Σ_i N_i = 0 (checked exactly)
 *
 * Settlement through a pool (the province): each region with N_i < 0 pays |N_i| into it, each with
 * N_i > 0 is paid N_i from it — one payment per region instead of one per agreement, which is how
 * huang-2021-spill proposes to pool horizontal transfers at the provincial level (abstract read).
 * Arithmetic, not a standard: the amounts come from the agreements (or from the other
 * eco-compensation functions) and are inputs.
 */
import * as z from 'zod';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import {
  checkPriceYear,
  checkUnique,
  D,
  method,
  moneyAmount,
  readYuan,
  step,
  throwIssues,
  toJsonData,
  tv,
  yearInput,
  type ApplicationTrace,
  type Dec,
  type MethodRef,
} from './common.js';

/** A settlement file (`gep eco-compensation`, method `settlement`). */
export const settlementSchema = z.strictObject({
  method: z.literal('settlement'),
  priceYear: yearInput,
  regions: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        code: z
          .string()
          .regex(/^\d{6}$/)
          .optional(),
      }),
    )
    .min(2),
  transfers: z
    .array(
      z.strictObject({
        from: z.string().min(1),
        to: z.string().min(1),
        amount: moneyAmount,
        /** The agreement or computation behind the amount. */
        basis: z.string().min(1).optional(),
      }),
    )
    .min(1),
});
/** A settlement file as parsed. */
export type SettlementInput = z.infer<typeof settlementSchema>;

/** A pair of regions netted. */
export interface PairNet {
  readonly a: string;
  readonly b: string;
  /** Σ a → b, 元. */
  readonly aToB: Dec;
  /** Σ b → a, 元. */
  readonly bToA: Dec;
  /** The net payment (null when they cancel). */
  readonly net: { readonly from: string; readonly to: string; readonly amount: Dec } | null;
}

/** A region's position. */
export interface Position {
  readonly name: string;
  readonly paid: Dec;
  readonly received: Dec;
  /** received − paid, 元: > 0 a net receiver, < 0 a net payer. */
  readonly net: Dec;
}

/** A net settlement. */
export interface Settlement {
  readonly kind: 'settlement';
  readonly priceYear: number;
  readonly transfers: readonly { readonly from: string; readonly to: string; readonly amount: Dec; readonly basis?: string }[];
  readonly pairs: readonly PairNet[];
  readonly positions: readonly Position[];
  /** Σ net, always 0. */
  readonly netSum: Dec;
  /** Payments through the pool: payers → pool, pool → receivers. */
  readonly pool: readonly { readonly from: string; readonly to: string; readonly amount: Dec }[];
  /** Number of payments: as agreed, bilaterally netted, through the pool. */
  readonly payments: { readonly gross: number; readonly bilateral: number; readonly pool: number };
  /** Σ amounts moved: gross, bilateral, through the pool (each side). */
  readonly volume: { readonly gross: Dec; readonly bilateral: Dec; readonly pool: Dec };
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods of the settlement. */
export const SETTLEMENT_METHODS: readonly MethodRef[] = [
  method('shanxi-2022-182', '(十七) 建立横向生态保护补偿机制', 'read', {
    en: 'asks for horizontal compensation between many parties; no settlement rule',
    zh: '要求建立多方之间的横向补偿；未给出结算规则',
  }),
  method('huang-2021-spill', { en: 'horizontal transfers pooled at the provincial level', zh: '横向转移支付在省级统筹' }, 'read', {
    en: 'abstract read; the pool plan follows it',
    zh: '只读了摘要；资金池方案据此设计',
  }),
  method(null, { en: 'N_i = received − paid; Σ N_i = 0', zh: 'N_i = 收入 − 支出；Σ N_i = 0' }, 'not-a-standard', {
    en: 'arithmetic',
    zh: '算术关系',
  }),
];

/** The pool's name in the plan. */
export const POOL = 'pool (provincial fund)';
/** `POOL` in Chinese. */
export const POOL_ZH = '资金池（省级资金）';

/**
 * Net the eco-compensation amounts between several regions (横向补偿净额结算).
 *
 * @summary N_i = received − paid per region, pairwise nets, and a pool plan; Σ N_i = 0 checked
 * @param input - the parsed file: regions and the transfers (from, to, amount in 元)
 * @returns pair nets, positions, the pool plan and the numbers of payments, all in 元
 * @throws {GepInputError} a transfer naming an unknown region, a region paying itself, a price year that differs
 * @example
 * // A → B 100, B → A 30, B → C 50 (元)
 * settle(parsed).positions.map((p) => p.net.toString())
 * //=> ['-70', '20', '50']   (Σ = 0; the pool: A pays 70, B receives 20, C 50)
 */
export function settle(input: SettlementInput): Settlement {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const names = input.regions.map((r) => r.name);
  checkUnique(names, ['regions'], 'name', issues);
  input.transfers.forEach((t, i) => {
    if (!names.includes(t.from))
      issues.push(
        makeIssue('input.out-of-range', ['transfers', i, 'from'], {
          expected: { en: `one of the regions (${names.join(', ')})`, zh: `所列地区（${names.join('、')}）之一` },
          found: JSON.stringify(t.from),
        }),
      );
    if (!names.includes(t.to))
      issues.push(
        makeIssue('input.out-of-range', ['transfers', i, 'to'], {
          expected: { en: `one of the regions (${names.join(', ')})`, zh: `所列地区（${names.join('、')}）之一` },
          found: JSON.stringify(t.to),
        }),
      );
    if (t.from === t.to)
      issues.push(
        makeIssue('input.out-of-range', ['transfers', i, 'to'], {
          expected: { en: 'a region other than the payer', zh: '支付方以外的地区' },
          found: JSON.stringify(t.to),
        }),
      );
    checkPriceYear(t.amount, input.priceYear, ['transfers', i, 'amount'], issues);
  });
  throwIssues(issues);
  const transfers = input.transfers.map((t) => ({
    from: t.from,
    to: t.to,
    amount: readYuan(t.amount),
    ...(t.basis ? { basis: t.basis } : {}),
  }));
  const flow = (a: string, b: string) => D.sum(transfers.filter((t) => t.from === a && t.to === b).map((t) => t.amount));

  const pairs: PairNet[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const aToB = flow(a, b);
      const bToA = flow(b, a);
      if (aToB.isZero() && bToA.isZero()) continue;
      const d = D.subtract(aToB, bToA);
      pairs.push({
        a,
        b,
        aToB,
        bToA,
        net: d.isZero() ? null : d.gt(0) ? { from: a, to: b, amount: d } : { from: b, to: a, amount: D.negate(d) },
      });
    }
  }
  const positions: Position[] = names.map((name) => {
    const paid = D.sum(transfers.filter((t) => t.from === name).map((t) => t.amount));
    const received = D.sum(transfers.filter((t) => t.to === name).map((t) => t.amount));
    return { name, paid, received, net: D.subtract(received, paid) };
  });
  const netSum = D.sum(positions.map((p) => p.net));
  // Every amount is counted once as paid and once as received: the nets cancel exactly.
  if (!netSum.isZero()) throw new Error(`[gep] settle: Σ net = ${D.toString(netSum)} ≠ 0`);
  // The bilateral nets must give the same positions.
  for (const p of positions) {
    const fromPairs = D.sum(
      pairs.flatMap((x) =>
        x.net === null ? [] : x.net.to === p.name ? [x.net.amount] : x.net.from === p.name ? [D.negate(x.net.amount)] : [],
      ),
    );
    if (!fromPairs.eq(p.net))
      throw new Error(
        `[gep] settle: the pair nets of ${p.name} (${D.toString(fromPairs)}) differ from its position (${D.toString(p.net)})`,
      );
  }
  const pool = [
    ...positions.filter((p) => p.net.lt(0)).map((p) => ({ from: p.name, to: POOL, amount: D.negate(p.net) })),
    ...positions.filter((p) => p.net.gt(0)).map((p) => ({ from: POOL, to: p.name, amount: p.net })),
  ];
  for (const p of positions)
    if (p.paid.isZero() && p.received.isZero()) warnings.push(makeWarning('settlement-region-idle', { params: { name: p.name } }));
  const bilateral = pairs.filter((p) => p.net !== null);
  const steps = positions.map((p) =>
    step(
      { en: `position: ${p.name}`, zh: `净头寸：${p.name}` },
      { en: 'N = Σ received − Σ paid', zh: 'N = Σ 收入 − Σ 支出' },
      {
        received: tv(p.received, '元', { en: 'transfers to', zh: '转入' }),
        paid: tv(p.paid, '元', { en: 'transfers from', zh: '转出' }),
      },
      p.net,
      '元',
    ),
  );
  steps.push(
    step(
      { en: 'identity', zh: '恒等关系' },
      'Σ N_i = 0',
      Object.fromEntries(positions.map((p) => [p.name, tv(p.net, '元', `step:position: ${p.name}`)])),
      netSum,
      '元',
    ),
  );
  return {
    kind: 'settlement',
    priceYear: input.priceYear,
    transfers,
    pairs,
    positions,
    netSum,
    pool,
    payments: { gross: transfers.length, bilateral: bilateral.length, pool: pool.length },
    volume: {
      gross: D.sum(transfers.map((t) => t.amount)),
      bilateral: D.sum(bilateral.map((p) => p.net!.amount)),
      pool: D.sum(pool.filter((p) => p.to === POOL).map((p) => p.amount)),
    },
    trace: {
      formula: 'n_ab = Σ a→b − Σ b→a; N_i = Σ received − Σ paid; Σ N_i = 0; pool: payers pay |N_i|, receivers get N_i',
      formulaZh: 'n_ab = Σ a→b − Σ b→a；N_i = Σ 收入 − Σ 支出；Σ N_i = 0；资金池：支付方付 |N_i|，收款方收 N_i',
      methods: SETTLEMENT_METHODS,
      parameters: [],
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** The JSON form of a settlement. */
export function settlementToJson(s: Settlement) {
  return toJsonData(s);
}
/** The JSON shape of a settlement. */
export type SettlementJson = ReturnType<typeof settlementToJson>;

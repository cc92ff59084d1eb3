import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkHierarchy,
  computeGepBatch,
  levelOfCode,
  streamGepBatch,
  summarize,
  type BatchItem,
  type BatchSummary,
} from '../../src/accounts/batch.js';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { floatArithmetic, GepDecimal } from '../../src/numbers/arithmetic.js';
import { runGepBatch, plannedWorkers, streamGepBatchThreads } from '../../src/node/batch.js';

const SAMPLE = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const withCode = (code: string, level = 'county') => ({ ...SAMPLE, region: { ...SAMPLE.region, name: `unit ${code}`, code, level } });

function summary(code: string, gep: string, year = 2022): BatchItem<null> {
  const s: BatchSummary = {
    name: code,
    code,
    level: levelOfCode(code),
    accountingYear: year,
    priceYear: year,
    totals: { material: gep, regulating: '0', cultural: '0', gep },
    warnings: 0,
  };
  return { index: 0, id: code, ok: true, summary: s, result: null };
}

describe('computeGepBatch', () => {
  it('computes every unit as computeGep does and reports a failing unit without stopping the others', () => {
    const report = computeGepBatch([
      withCode('140101'),
      { region: { name: 'broken' } },
      { id: 'third', file: 'third.json', input: withCode('140102') },
    ]);
    expect(report.succeeded).toBe(2);
    expect(report.failed).toBe(1);
    const [first, broken, third] = report.items;
    expect(first!.ok && first!.summary.totals.gep).toBe(computeGep(withCode('140101')).totals.gep.value.toString());
    expect(broken).toMatchObject({ index: 1, id: 'broken', ok: false });
    expect(!broken!.ok && broken!.issues.map((i) => i.path.join('.'))).toContain('accountingYear');
    expect(third).toMatchObject({ index: 2, id: 'third', file: 'third.json', ok: true });
  });

  it('puts the file of a unit on its issues and reports progress after each unit', () => {
    const seen: string[] = [];
    const report = computeGepBatch([{ file: 'bad.json', input: { ...withCode('140101'), accountingYear: 'x' } }, withCode('140102')], {
      onProgress: (d, n) => seen.push(`${d}/${n}`),
    });
    const bad = report.items[0]!;
    expect(!bad.ok && bad.issues.every((i) => i.location?.file === 'bad.json')).toBe(true);
    expect(seen).toEqual(['1/2', '2/2']);
  });

  it('runs on the float path within 1e-9 of the decimal path', () => {
    const d = computeGepBatch([withCode('140101')]);
    const f = computeGepBatch([withCode('140101')], { arithmetic: floatArithmetic });
    const dv = Number(d.items[0]!.ok && d.items[0]!.summary.totals.gep);
    const fv = Number(f.items[0]!.ok && f.items[0]!.summary.totals.gep);
    expect(Math.abs(fv - dv) / dv).toBeLessThan(1e-9);
  });
});

describe('administrative hierarchy additivity (GB/T 2260 codes)', () => {
  it('reads the level from the code', () => {
    expect([levelOfCode('140000'), levelOfCode('140100'), levelOfCode('140105')]).toEqual(['province', 'city', 'county']);
  });

  it('checks a city against the sum of its counties, exactly on the decimal path', () => {
    // 140100 = 100.5 + 200.25 + 300.25 = 601 → holds; 140200 = 50 ≠ 40 → differs by 10
    const h = checkHierarchy([
      summary('140101', '100.5'),
      summary('140102', '200.25'),
      summary('140103', '300.25'),
      summary('140100', '601'),
      summary('140201', '40'),
      summary('140200', '50'),
    ]);
    expect(h.checks.map((c) => [c.parent.code, c.children, c.holds, c.totals.gep.difference])).toEqual([
      ['140100', ['140101', '140102', '140103'], true, '0'],
      ['140200', ['140201'], false, '10'],
    ]);
  });

  it('checks a province against its cities plus its province-administered counties (PP90xx), per year', () => {
    const h = checkHierarchy([
      summary('420100', '10'),
      summary('420200', '20'),
      summary('429004', '5'),
      summary('420000', '35'),
      summary('420000', '1', 2021),
      summary('420101', '1', 2021),
    ]);
    const province = h.checks.find((c) => c.parent.code === '420000' && c.accountingYear === 2022)!;
    expect(province).toMatchObject({ childLevel: 'county+city', children: ['420100', '420200', '429004'], holds: true });
    // 2021 has no city of Hubei, so the province is checked against its counties.
    expect(h.checks.find((c) => c.accountingYear === 2021)).toMatchObject({ childLevel: 'county', children: ['420101'], holds: true });
  });

  it('checks a municipality against its districts and lists units without a code and duplicates', () => {
    const base = summary('110101', '1') as Extract<BatchItem<null>, { ok: true }>;
    const noCode: BatchItem<null> = { ...base, id: 'no code', summary: { ...base.summary, code: null } };
    const h = checkHierarchy([summary('110101', '1'), summary('110102', '2'), summary('110000', '3'), summary('110102', '9'), noCode]);
    expect(h.checks).toHaveLength(1);
    expect(h.checks[0]).toMatchObject({ parent: { code: '110000', level: 'province' }, childLevel: 'county', holds: true });
    expect(h.withoutCode).toEqual(['no code']);
    expect(h.duplicates).toEqual(['110102']);
  });

  it('allows 1e-9 relative on the float path', () => {
    const items = [summary('140101', '0.1'), summary('140102', '0.2'), summary('140100', '0.30000000000000004')];
    expect(checkHierarchy(items, 'float64').checks[0]!.holds).toBe(true);
    expect(checkHierarchy(items, 'decimal').checks[0]!.holds).toBe(false);
  });
});

describe('runGepBatch (worker threads)', () => {
  it('starts workers only when each gets enough units', () => {
    expect(plannedWorkers(10)).toBe(0);
    expect(plannedWorkers(10, { workers: 2 })).toBe(2);
    expect(plannedWorkers(1, { workers: 4 })).toBe(1);
  });

  it('gives the same report on two worker threads as in the calling thread, in input order', async () => {
    const inputs: unknown[] = [withCode('140101'), withCode('140102'), { region: { name: 'broken' } }, withCode('140100', 'city')];
    const done: number[] = [];
    const threaded = await runGepBatch(inputs, { workers: 2, onProgress: (d) => done.push(d) });
    const local = computeGepBatch(inputs);
    expect(threaded.items.map((i) => [i.index, i.id, i.ok])).toEqual(local.items.map((i) => [i.index, i.id, i.ok]));
    const first = threaded.items[0]!;
    expect(first.ok && first.result).toEqual(JSON.parse(JSON.stringify(gepResultToJson(computeGep(withCode('140101'))))));
    expect(threaded.hierarchy).toEqual(local.hierarchy);
    expect(done.sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('streamGepBatchThreads, results as bytes', () => {
  it("gives each result file's bytes on two worker threads as in the calling thread (buffers transferred)", async () => {
    const inputs = [
      withCode('140101'),
      withCode('140102'),
      { region: { name: 'broken' } },
      { ...withCode('140103'), region: { ...SAMPLE.region, name: '示例县', code: '140103', level: 'county' } },
    ];
    const local: (string | null)[] = [];
    const threaded: (string | null)[] = [];
    const hex = (r: unknown) => (r instanceof Uint8Array ? Buffer.from(r).toString('hex') : null);
    await streamGepBatchThreads(inputs, { workers: 0, form: 'bytes' }, (item) => (local[item.index] = item.ok ? hex(item.result) : null));
    await streamGepBatchThreads(
      inputs,
      { workers: 2, form: 'bytes' },
      (item) => (threaded[item.index] = item.ok ? hex(item.result) : null),
    );
    expect(local.map((x) => x !== null)).toEqual([true, true, false, true]);
    expect(threaded).toEqual(local);
    expect(Buffer.from(local[3]!, 'hex').toString('utf8')).toContain('"name": "示例县"');
  });
});

describe('batches on compiled plans', () => {
  // Units of one structure with other values (every quantity and area scaled), one unit whose
  // area is negative (refused by its schema), one of another structure (an indicator left out).
  const scaled = (x: unknown, f: string, key = ''): unknown => {
    if (Array.isArray(x)) return x.map((v) => scaled(v, f));
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ((key === 'quantity' || key === 'area') && typeof o.value === 'string')
        return { ...o, value: new GepDecimal(o.value).times(f).toString() };
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, scaled(v, f, k)]));
    }
    return x;
  };
  // Factors ≤ 1: the ecosystem areas of an indicator may not add up to more than the region's area.
  const units = ['1', '0.9', '0.25', '0.5', '0.001'].map((f, i) => ({
    ...(scaled(SAMPLE, f) as object),
    region: { ...SAMPLE.region, name: `county ${i}`, code: `14010${i + 1}` },
  }));
  const negative = structuredClone(units[1]) as unknown as { indicators: Record<string, { ecosystems: { area: { value: string } }[] }> };
  negative.indicators['regulating.water-conservation']!.ecosystems[0]!.area.value = '-5';
  const other = structuredClone(units[2]) as unknown as { indicators: Record<string, unknown> };
  delete other.indicators['cultural.recreation'];
  const inputs: unknown[] = [...units, negative, other];
  const direct = (input: unknown, float = false) => {
    try {
      return JSON.stringify(
        float ? gepResultToJson(computeGep(input, { arithmetic: floatArithmetic })) : gepResultToJson(computeGep(input)),
        null,
        2,
      );
    } catch (e) {
      return `issues ${JSON.stringify((e as { issues: unknown }).issues)}`;
    }
  };

  it("gives every unit computeGep's result (decimal: same digits and trace), and a refused unit its located issues", () => {
    const report = computeGepBatch(inputs);
    report.items.forEach((item, i) => {
      const got = item.ok ? JSON.stringify(gepResultToJson(item.result), null, 2) : `issues ${JSON.stringify(item.issues)}`;
      expect(got, `unit ${i}`).toBe(direct(inputs[i]));
    });
    // The first unit of a structure is computed directly, the next ones on its plan; so are the
    // refused unit and the only unit of the other structure.
    expect(report.onPlans).toBe(4);
    expect(report.items[5]).toMatchObject({ ok: false });
    expect(!report.items[5]!.ok && report.items[5]!.issues.map((i) => i.path.join('.'))).toEqual([
      'indicators.regulating.water-conservation.ecosystems.0.area.value',
    ]);
  });

  it("gives the float path's results bit for bit, as JSON text when streamed", () => {
    const texts: string[] = [];
    const report = streamGepBatch(
      inputs,
      { arithmetic: floatArithmetic, form: 'json' },
      (item) => (texts[item.index] = item.ok ? `${item.result}` : `issues ${JSON.stringify(item.issues)}`),
    );
    inputs.forEach((input, i) => expect(texts[i], `unit ${i}`).toBe(direct(input, true)));
    expect(report.items.every((i) => !i.ok || i.result === null)).toBe(true);
  });

  it('hands each unit over in input order and keeps only summaries', () => {
    const order: number[] = [];
    const report = streamGepBatch(inputs, { form: 'none' }, (item) => order.push(item.index));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(report.succeeded).toBe(6);
    const first = report.items[0]!;
    expect(first.ok && first.summary).toEqual(summarize(computeGep(inputs[0])));
  });

  it("refuses an override of another sign than the plan's unit, as computeGep does", () => {
    // Overrides are checked against the sign of their table row (a money coefficient is never
    // negative): the third unit's −3 元/m³ must be refused, not computed on the plan of the others.
    const withOverride = (value: string, i: number) => ({
      ...(units[0] as object),
      region: { ...SAMPLE.region, name: `override ${i}`, code: `14020${i}` },
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value, unit: '元/m³', reason: 'county survey' }],
    });
    const report = computeGepBatch([withOverride('7.5', 1), withOverride('8', 2), withOverride('-3', 3)]);
    expect(report.items.map((i) => i.ok)).toEqual([true, true, false]);
    const refused = report.items[2]!;
    expect(!refused.ok && refused.issues.map((i) => i.path.join('.'))).toEqual(['coefficientOverrides.0.value']);
    expect(report.onPlans).toBe(1);
  });

  it("gives each result as its JSON text's UTF-8 bytes plus a newline (form bytes), direct or planned, decimal or float", () => {
    // Names with Chinese, a quote and a character outside the BMP (a surrogate pair: 4 bytes in
    // UTF-8): the plan writes region names into its byte template per row, so their lengths count.
    const named = [
      ...inputs
        .slice(0, 5)
        .map((u, i) => ({ ...(u as object), region: { ...SAMPLE.region, name: `示例县 "${i}" 𠀋`, code: `14010${i + 1}` } })),
      ...inputs.slice(5),
    ];
    const utf8 = new TextEncoder();
    for (const arithmetic of [undefined, floatArithmetic]) {
      const texts: string[] = [];
      const bytes: Uint8Array[] = [];
      const a = streamGepBatch(
        named,
        { form: 'json', ...(arithmetic ? { arithmetic } : {}) },
        (item) => (texts[item.index] = item.ok ? (item.result as string) : 'failed'),
      );
      const b = streamGepBatch(
        named,
        { form: 'bytes', ...(arithmetic ? { arithmetic } : {}) },
        (item) => (bytes[item.index] = item.ok ? (item.result as Uint8Array) : utf8.encode('failed')),
      );
      // Units 1–4 on the plan; unit 0 (first of its structure), the refused unit and the other structure directly.
      expect([a.onPlans, b.onPlans]).toEqual([4, 4]);
      named.forEach((_, i) => {
        expect(bytes[i], `unit ${i}`).toBeInstanceOf(Uint8Array);
        expect(
          Buffer.from(bytes[i]!).equals(Buffer.from(texts[i] === 'failed' ? 'failed' : `${texts[i]}\n`)),
          `unit ${i} (${arithmetic?.name ?? 'decimal'})`,
        ).toBe(true);
      });
      expect(new TextDecoder().decode(bytes[1]!)).toContain('"name": "示例县 \\"1\\" 𠀋"');
    }
  });

  it('takes an iterable of inputs, read one at a time', () => {
    let read = 0;
    function* lazy() {
      for (const u of units) {
        read++;
        yield u;
      }
    }
    const report = streamGepBatch(lazy(), { form: 'none', total: units.length });
    expect([read, report.succeeded]).toEqual([5, 5]);
  });
});

/**
 * Benchmark: Monte Carlo of the sample county's full account (17 indicators) with its worked-example
 * specification (fixtures/sample-county/uncertainty.json) and the default ranges of its to-verify
 * coefficients: 10 000 draws on the float64 plan, split into compiling, drawing and evaluating;
 * the stability of the quantiles between two seeds; and the sensitivity analysis.
 */
import { readFileSync } from 'node:fs';
import { compileGepPlan } from '../src/plan/plan.js';
import { computeGepUncertainty, evaluateOutputs, parameterColumns, uniforms } from '../src/uncertainty/monte-carlo.js';
import { parseUncertaintySpec, resolveParameters } from '../src/uncertainty/parameters.js';
import { computeGepSensitivity } from '../src/uncertainty/sensitivity.js';
import { best, ms } from './common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DRAWS = Number(process.env.BENCH_DRAWS ?? 10_000);
const input = JSON.parse(readFileSync(new URL('../fixtures/sample-county/input.json', import.meta.url), 'utf8'));
const spec = JSON.parse(readFileSync(new URL('../fixtures/sample-county/uncertainty.json', import.meta.url), 'utf8'));

export function benchUncertainty(lines: string[]): void {
  computeGepUncertainty(input, { spec, draws: 500 });
  let result: ReturnType<typeof computeGepUncertainty> | undefined;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let totalCpu = Infinity;
  const total = best(RUNS, () => {
    const c = cpu();
    result = computeGepUncertainty(input, { spec, draws: DRAWS, seed: 1 });
    totalCpu = Math.min(totalCpu, cpu() - c);
  });
  // The parts: compiling the plan, drawing, evaluating the draws (a fresh plan each run, so new branches are recorded as in a real run).
  let compile = Infinity;
  let draw = Infinity;
  let evaluate = Infinity;
  let tapes = 0;
  let parameters = 0;
  let evaluateCpu = Infinity;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const plan = compileGepPlan(input);
    const resolved = resolveParameters(plan, parseUncertaintySpec(spec));
    compile = Math.min(compile, performance.now() - t);
    t = performance.now();
    const columns = parameterColumns(resolved.parameters, uniforms(resolved.draws, DRAWS, 1), DRAWS);
    draw = Math.min(draw, performance.now() - t);
    t = performance.now();
    const c = cpu();
    evaluateOutputs(plan, resolved.parameters, columns, DRAWS);
    evaluate = Math.min(evaluate, performance.now() - t);
    evaluateCpu = Math.min(evaluateCpu, cpu() - c);
    tapes = plan.tapes.length;
    parameters = resolved.parameters.length;
  }
  const other = computeGepUncertainty(input, { spec, draws: DRAWS, seed: 2 });
  const u = result!;
  const rel = (a: number, b: number) => Math.abs(a / b - 1);
  let worst = 0;
  let worstAt = '';
  for (const key of ['gep', 'material', 'regulating', 'cultural'] as const) {
    for (const q of ['p5', 'median', 'p95'] as const) {
      const d = rel(u.totals[key][q], other.totals[key][q]);
      if (d > worst) [worst, worstAt] = [d, `${key} ${q}`];
    }
  }
  let sens: ReturnType<typeof computeGepSensitivity> | undefined;
  const sensitivity = best(1, () => {
    sens = computeGepSensitivity(input, { spec });
  });
  lines.push(
    `## Monte Carlo of the sample county (${DRAWS} draws; ${parameters} parameters drawn: the worked example's and the to-verify defaults; best of ${RUNS})`,
  );
  lines.push('');
  lines.push('| step | time | CPU time |');
  lines.push('|---|---|---|');
  lines.push(`| computeGepUncertainty, all included (exact account, plan, draws, statistics) | ${ms(total)} | ${ms(totalCpu)} |`);
  lines.push(`| compiling the plan and resolving the parameters | ${ms(compile)} | |`);
  lines.push(`| drawing ${DRAWS} × ${parameters} values | ${ms(draw)} | |`);
  lines.push(
    `| evaluating ${DRAWS} accounts on the float plan (${tapes} branch${tapes === 1 ? '' : 'es'}: ${tapes - 1} recorded while evaluating) | ${ms(evaluate)} (${((evaluate * 1000) / DRAWS).toFixed(1)} µs per draw) | ${ms(evaluateCpu)} |`,
  );
  lines.push(
    `| computeGepSensitivity (${sens!.swings.length} parameters one at a time, first-order indices of ${sens!.firstOrder.indices.length} with N = ${sens!.firstOrder.samples}) | ${ms(sensitivity)} | |`,
  );
  lines.push('');
  lines.push(
    `GEP: 5 % ${(u.totals.gep.p5 / 1e8).toFixed(3)}, median ${(u.totals.gep.median / 1e8).toFixed(3)}, 95 % ${(u.totals.gep.p95 / 1e8).toFixed(3)} 亿元 (seed 1); ${u.counted} of ${u.draws} draws counted.`,
  );
  lines.push(
    `Quantiles between seeds 1 and 2 (GEP and categories; 5 %, median, 95 %): largest relative difference ${(worst * 100).toFixed(3)} % (${worstAt}); target ≤ 1 %.`,
  );
  lines.push(`The five coefficients that move GEP most: ${sens!.topCoefficients.join(', ')}.`);
  lines.push('');
}

/**
 * The `gep` verbs that use GEP results (核算结果应用): `gep area`, `gep project`, `gep compensation`,
 * `gep eco-compensation`, `gep audit`, `gep scorecard` and `gep finance`. Each reads one JSON file
 * (validated by the zod schema of its function, every issue located in that file) that names its
 * accounts by path (relative to the file; JSON, CSV or XLSX inputs, issues located in them) or
 * inline; computes the accounts; calls the pure function; and prints the result as a table, JSON,
 * Markdown or one HTML page. Kept here so that `main.ts` only dispatches.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { computeGep, type GepResult } from '../accounts/gep.js';
import { GepInputError, describeIssue, makeIssue, type GepIssue } from '../errors/errors.js';
import type { Text } from '../errors/text.js';
import { terminalLine } from '../io/safe-text.js';
import { readJsonText, systemReason } from './io-commands.js';
import type { Language } from '../errors/messages.js';
import { getPriceIndex, priceIndices, type PriceIndex } from '../coefficients/indices.js';
import { getProfile } from '../profiles/profiles.js';
import { importAccountInput } from '../io/read-input.js';
import { locateIssues, type ImportedInput } from '../io/table-input.js';
import { parseJsonInput, withFile } from '../io/json-input.js';
import { applicationToHtml } from '../io/application-html.js';
import { applicationToMarkdown, applicationToText } from '../io/application-text.js';
import type { ApplicationJson } from '../io/application-report.js';
import { moveIssue, parseInput, type AccountRef, type Dec } from '../applications/common.js';
import { areaFileSchema, areaAccountToJson, computeAreaAccount } from '../applications/area.js';
import { computeProjectImpact, projectImpactToJson, projectOptionsOf, projectSchema, type ProjectImpact } from '../applications/project.js';
import { compensationSchema, compensationToJson, computeCompensation } from '../applications/compensation.js';
import { allocateVerticalFund, verticalAllocationToJson, type CountyAccounts } from '../applications/vertical.js';
import { waterCompensation, waterCompensationToJson } from '../applications/horizontal.js';
import { compensationBounds, compensationBoundsToJson } from '../applications/bounds.js';
import { settle, settlementToJson } from '../applications/settlement.js';
import { ecoCompensationSchema } from '../applications/eco-compensation.js';
import { auditSchema, auditTenure, doubleAssessment, scorecardToJson, tenureAuditToJson } from '../applications/audit.js';
import { financeSchema, assetValuationToJson, valueEcologicalAssets } from '../applications/finance.js';
import type { CliIo } from './main.js';
import type { OptionValues, VerbOptions } from './options.js';

const COMMON = `Options:
  --format FORMAT   table (default), json (the full result with its trace), md (Markdown), or
                    html (one self-contained page with charts)
  --lang LANG       en (default) or zh
  --out FILE        also write the output to FILE
  --profile ID      accounting profile for the accounts the file names (default: each input's)
  --strict          refuse coefficients whose status is to-verify

Accounts are named by path (relative to the file; JSON, CSV or XLSX inputs) or given inline.
Exit codes: 0 success, 1 bad input (every issue, located in its file), 2 bad usage.`;

/** Help of each verb. */
export const APPLICATION_HELP: Record<string, string> = {
  area: `gep area <area.json> [options]

The account of a specific area (特定地域单元): a park, a reserve, a restoration project, a mine
site — an area defined by its ecosystems, not an administrative code. The file gives the area
("area": kind, boundary, ecosystem extent, the divisions it lies in) and its account ("account":
an input with region.level "area" and no region.code). Prints GEP per km², the value of each
ecosystem type per km² of that type, and the ratios that need no GDP.

${COMMON}`,
  project: `gep project <project.json> [options]

The value of a project (项目生态产品价值, VEP): the account with the project minus without it
("design": "with-without"), or after minus before ("before-after"), per indicator at the constant
prices of a base year (the quantity effect; the price effect is shown apart), gains and losses,
per km² of the project area, the extent change, and with "period" the present value over the
project's years.

${COMMON}`,
  compensation: `gep compensation <compensation.json> [options]

The compensation that keeps a project's ecological product value whole (规划和工程项目补偿, seed
clause 八): "rule" restoration-cost (C = R), value-lost (C = PV of the annual loss over n years at
rate r) or restoration-plus-interim (C = R + PV). Losses per indicator, or from a project file
("projectImpact"). Every parameter is an input; none of the rules is a published standard.

${COMMON}`,
  'eco-compensation': `gep eco-compensation <file.json> [options]

Eco-compensation (生态保护补偿), by the file's "method":
  vertical           allocate a fund over counties by a weighted score of GEP (or regulating
                     services), value per km², change at constant prices and protection results;
                     payable amounts by largest remainder, adding up to the fund exactly (十六)
  horizontal-water   upstream–downstream amount from the water crossing a section: the Xin'an
                     quality index P = k0·Σ k_i·C_i/C_i0 (recalled) or the excess load (十七)
  bounds             the range between the provider's opportunity cost and the service value
                     gained (Wu Na 2018)
  settlement         net the amounts between several regions; Σ net = 0 is checked

${COMMON}`,
  audit: `gep audit <audit.json> [options]

The GEP evidence of an outgoing audit (离任审计, seed clause 十九): GEP over the term at constant
prices, the change per indicator split into quantity and price effects, the decline flag with its
threshold and the source of that threshold (default 5 %, marked as not a standard), the drivers,
and the double-assessment scorecard when the inputs give GDP. --format md or html prints the
memo an auditor files. Exit 0 also when the flag is raised (it is printed).

${COMMON}`,
  scorecard: `gep scorecard <a.json> <b.json> [options]

The double-assessment scorecard (双考核) of two years of one region: GDP growth and GEP growth at
constant prices side by side, double growth, and the ratios of both years with their change. Both
inputs need an "economy" block with GDP.

${COMMON}`,
  finance: `gep finance <finance.json> [options]

Ecological-asset value and lending base (绿色金融, seed clause 二十一): the present value of an
annual ecological product value over a term at a rate, and the lending base = value × the share
eligible as collateral. No published rule sizes a loan on GEP: term, rate and share are inputs.

${COMMON}`,
};

/** The verbs of this module. */
export const APPLICATION_VERBS = Object.keys(APPLICATION_HELP);

/**
 * The options the application verbs read (any other is refused: ./options.ts). Every parameter of a
 * method lives in its file, the record of the computation: an option that would set one from the
 * command line is refused with where to set it instead.
 */
export const APPLICATION_OPTIONS = {
  reads: ['format', 'lang', 'out', 'profile', 'strict'],
  instead: Object.fromEntries(
    Object.entries({ 'decline-threshold': 'declineThreshold (with its source)', 'base-year': 'baseYear', 'price-index': 'priceIndex' }).map(
      ([option, field]) => [
        option,
        {
          en: `it reads it from its file: set ${field} there`,
          zh: `该命令从输入文件中读取此项：请在文件中设置 ${field}`,
        },
      ],
    ),
  ),
} as const satisfies VerbOptions;
/** The values of `APPLICATION_OPTIONS`. */
export type ApplicationValues = OptionValues<typeof APPLICATION_OPTIONS.reads>;

interface Context {
  readonly io: CliIo;
  readonly file: string;
  readonly values: ApplicationValues;
}

/** Issues of the application file itself, with the file name. */
const located = (issues: readonly GepIssue[], file: string) =>
  new GepInputError(issues.map((i) => ({ ...i, location: { ...i.location, file: i.location?.file ?? file } })));

function readJson(file: string, io: CliIo): unknown {
  let text: string;
  try {
    text = readJsonText(file, io);
  } catch (e) {
    if (e instanceof GepInputError) throw e; // not UTF-8 nor GB18030, or too large
    throw new GepInputError([
      makeIssue('input.file-type', [], {
        found: file,
        expected: { en: `a readable file (${systemReason(e, 'en')})`, zh: `可读取的文件（${systemReason(e, 'zh')}）` },
      }),
    ]);
  }
  return parseJsonInput(text, file);
}

function parseFile<S extends Parameters<typeof parseInput>[0]>(schema: S, file: string, io: CliIo) {
  const raw = readJson(file, io);
  try {
    return parseInput(schema, raw);
  } catch (e) {
    if (e instanceof GepInputError) throw withFile(e, file);
    throw e;
  }
}

/** A path named in a file, relative to that file. */
const resolvePath = (base: string, p: string) => (isAbsolute(p) ? p : join(dirname(base), p));

/** Compute an account named by path or given inline; issues located in its file, or under `path` in the naming file. */
function accountOf(ref: AccountRef, path: readonly (string | number)[], ctx: Context): { result: GepResult<Dec>; input: unknown } {
  const options = { ...(ctx.values.profile ? { profile: ctx.values.profile } : {}), strict: ctx.values.strict ?? false };
  if (typeof ref !== 'string') {
    try {
      return { result: computeGep(ref, options), input: ref };
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      throw located(
        e.issues.map((i) => moveIssue(i, [...path, ...i.path])),
        ctx.file,
      );
    }
  }
  return accountFromFile(resolvePath(ctx.file, ref), ref, path, ctx);
}

/** Compute the account of an input file (`shown` is the name as written, for issues in the naming file). */
function accountFromFile(
  file: string,
  shown: string,
  path: readonly (string | number)[],
  ctx: Context,
): { result: GepResult<Dec>; input: unknown } {
  const options = { ...(ctx.values.profile ? { profile: ctx.values.profile } : {}), strict: ctx.values.strict ?? false };
  let imported: ImportedInput | null = null;
  let data: string | Uint8Array;
  try {
    // Bytes for every format: the importers decode text (UTF-8, else GB18030) themselves.
    data = ctx.io.readBytes ? ctx.io.readBytes(file) : ctx.io.readFile(file);
  } catch (e) {
    // Named in a file: say where (baseline.account: … found "x.json"); given on the command line: the file itself.
    if (path.length)
      throw located(
        [
          makeIssue('input.type', path, {
            expected: {
              en: `a readable account input file (${systemReason(e, 'en')})`,
              zh: `可读取的核算输入文件（${systemReason(e, 'zh')}）`,
            },
            found: JSON.stringify(shown),
          }),
        ],
        ctx.file,
      );
    throw new GepInputError([
      makeIssue('input.file-type', [], {
        found: shown,
        expected: { en: `a readable account input (${systemReason(e, 'en')})`, zh: `可读取的核算输入（${systemReason(e, 'zh')}）` },
      }),
    ]);
  }
  try {
    imported = importAccountInput(data, file);
    return { result: computeGep(imported.input, options), input: imported.input };
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    throw imported ? locateIssues(e, imported, file) : withFile(e, file);
  }
}

/** A price index by id (issue at `path` when unknown), else the profile's. */
function priceIndexOf(
  id: string | undefined,
  path: readonly (string | number)[],
  account: GepResult<Dec>,
  ctx: Context,
): PriceIndex | undefined {
  if (id !== undefined) {
    if (!priceIndices().has(id))
      throw located(
        [
          makeIssue('input.out-of-range', path, {
            expected: { en: `one of ${[...priceIndices().keys()].join(', ')}`, zh: `${[...priceIndices().keys()].join('、')} 之一` },
            found: id,
          }),
        ],
        ctx.file,
      );
    return getPriceIndex(id);
  }
  const fromProfile = getProfile(account.profile.id)?.priceIndex;
  return fromProfile ? getPriceIndex(fromProfile) : undefined;
}

/** Compute the project impact of a project file. */
function projectOf(file: string, ctx: Context): ProjectImpact {
  const p = parseFile(projectSchema, file, ctx.io);
  const inner = { ...ctx, file };
  const baseline = accountOf(p.baseline.account, ['baseline', 'account'], inner).result;
  const withProject = accountOf(p.withProject.account, ['withProject', 'account'], inner).result;
  const index = priceIndexOf(p.priceIndex, ['priceIndex'], baseline, inner);
  try {
    return computeProjectImpact(p, baseline, withProject, projectOptionsOf(p, index));
  } catch (e) {
    if (e instanceof GepInputError) throw withFile(e, file);
    throw e;
  }
}

/** Run the pure function; issues it raises belong to the application file. */
function inFile<R>(ctx: Context, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GepInputError) throw withFile(e, ctx.file);
    throw e;
  }
}

function compute(verb: string, positionals: readonly string[], ctx: Context): ApplicationJson {
  const file = ctx.file;
  switch (verb) {
    case 'area': {
      const f = parseFile(areaFileSchema, file, ctx.io);
      const acc = accountOf(f.account, ['account'], ctx);
      try {
        return areaAccountToJson(computeAreaAccount(f.area, acc.result, acc.input));
      } catch (e) {
        if (!(e instanceof GepInputError)) throw e;
        // account.region.… lies in the account's own file when the area file names it by path.
        const ref = f.account;
        throw new GepInputError(
          e.issues.map((i) =>
            typeof ref === 'string' && i.path[0] === 'account'
              ? moveIssue(i, i.path.slice(1), { ...i.location, file: resolvePath(file, ref) })
              : { ...i, location: { ...i.location, file: i.location?.file ?? file } },
          ),
        );
      }
    }
    case 'project':
      return projectImpactToJson(projectOf(file, ctx));
    case 'compensation': {
      const f = parseFile(compensationSchema, file, ctx.io);
      const impact = f.projectImpact ? projectOf(resolvePath(file, f.projectImpact), ctx) : undefined;
      return compensationToJson(inFile(ctx, () => computeCompensation(f, impact)));
    }
    case 'eco-compensation': {
      const f = parseFile(ecoCompensationSchema, file, ctx.io);
      if (f.method === 'vertical') {
        const accounts = new Map<number, CountyAccounts>();
        f.counties.forEach((c, i) => {
          if (!c.accounts) return;
          const current = accountOf(c.accounts.current, ['counties', i, 'accounts', 'current'], ctx).result;
          const previous = c.accounts.previous
            ? accountOf(c.accounts.previous, ['counties', i, 'accounts', 'previous'], ctx).result
            : undefined;
          const index = priceIndexOf(undefined, [], current, ctx);
          accounts.set(i, { current, ...(previous ? { previous } : {}), ...(index ? { priceIndex: index } : {}) });
        });
        return verticalAllocationToJson(inFile(ctx, () => allocateVerticalFund(f, accounts)));
      }
      if (f.method === 'horizontal-water')
        return waterCompensationToJson(inFile(ctx, () => waterCompensation(f, { strict: ctx.values.strict ?? false })));
      if (f.method === 'bounds') {
        const impact = 'projectImpact' in f.serviceGain ? projectOf(resolvePath(file, f.serviceGain.projectImpact), ctx) : undefined;
        return compensationBoundsToJson(inFile(ctx, () => compensationBounds(f, impact)));
      }
      return settlementToJson(inFile(ctx, () => settle(f)));
    }
    case 'audit': {
      const f = parseFile(auditSchema, file, ctx.io);
      const accounts = f.accounts.map((ref, i) => accountOf(ref, ['accounts', i], ctx));
      const index = priceIndexOf(f.priceIndex, ['priceIndex'], accounts[0]!.result, ctx);
      try {
        return tenureAuditToJson(auditTenure(f, accounts, index ? { priceIndex: index } : {}));
      } catch (e) {
        if (!(e instanceof GepInputError)) throw e;
        // A problem inside an account's own input (its economy block) belongs to that account's file.
        throw new GepInputError(
          e.issues.map((i) => {
            const ref = i.path[0] === 'accounts' && typeof i.path[1] === 'number' && i.path.length > 2 ? f.accounts[i.path[1]] : undefined;
            return typeof ref === 'string'
              ? moveIssue(i, i.path.slice(2), { ...i.location, file: resolvePath(file, ref) })
              : { ...i, location: { ...i.location, file: i.location?.file ?? file } };
          }),
        );
      }
    }
    case 'scorecard': {
      const [a, b] = positionals.map((p) => accountFromFile(p, p, [], { ...ctx, file: p })) as [
        { result: GepResult<Dec>; input: unknown },
        { result: GepResult<Dec>; input: unknown },
      ];
      const index = priceIndexOf(undefined, [], a.result, ctx);
      try {
        return scorecardToJson(doubleAssessment(a.result, b.result, a.input, b.input, index ? { priceIndex: index } : {}));
      } catch (e) {
        if (!(e instanceof GepInputError)) throw e;
        // Issues at a.… / b.… belong to the first or the second file.
        throw new GepInputError(
          e.issues.map((i) =>
            moveIssue(i, i.path.slice(1), { ...i.location, file: i.path[0] === 'a' ? positionals[0]! : positionals[1]! }),
          ),
        );
      }
    }
    case 'finance': {
      const f = parseFile(financeSchema, file, ctx.io);
      const av = f.annualValue;
      const from =
        'account' in av
          ? { account: accountOf(av.account, ['annualValue', 'account'], ctx).result }
          : 'projectImpact' in av
            ? { impact: projectOf(resolvePath(file, av.projectImpact), ctx) }
            : undefined;
      return assetValuationToJson(inFile(ctx, () => valueEcologicalAssets(f, from)));
    }
    default:
      throw new Error(`[gep] unknown application verb ${verb}`);
  }
}

/**
 * Run an application verb: `gep area|project|compensation|eco-compensation|audit|scorecard|finance`.
 * `usage` throws the CLI's usage error.
 */
export function applicationCommand(
  verb: string,
  positionals: readonly string[],
  values: ApplicationValues,
  io: CliIo,
  usage: (message: Text) => never,
): number {
  const expected = verb === 'scorecard' ? 2 : 1;
  if (positionals.length !== expected)
    usage(
      verb === 'scorecard'
        ? {
            en: 'gep scorecard takes two input files: the earlier year, then the later',
            zh: 'gep scorecard 需要两个输入文件：先较早年份，后较晚年份',
          }
        : { en: `gep ${verb} takes exactly one file`, zh: `gep ${verb} 只接受一个文件` },
    );
  const format = values.format ?? 'table';
  if (!['table', 'json', 'md', 'html'].includes(format))
    usage({
      en: `--format must be one of table, json, md, html, not "${format}"`,
      zh: `--format 应为 table、json、md、html 之一，而不是 "${format}"`,
    });
  const lang = (values.lang ?? 'en') as Language;
  if (lang !== 'en' && lang !== 'zh')
    usage({ en: `--lang must be one of en, zh, not "${values.lang}"`, zh: `--lang 应为 en 或 zh，而不是 "${values.lang}"` });
  const ctx: Context = { io, file: positionals[0]!, values };
  let json: ApplicationJson;
  try {
    json = compute(verb, positionals, ctx);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    const issues = e.issues;
    io.stderr(`${lang === 'zh' ? `输入有 ${issues.length} 个问题` : `${issues.length} input issue${issues.length === 1 ? '' : 's'}`}:\n`);
    for (const issue of issues) io.stderr(`  - ${terminalLine(describeIssue(issue, lang))}\n`);
    return 1;
  }
  const text =
    format === 'json'
      ? `${JSON.stringify(json, null, 2)}\n`
      : format === 'md'
        ? applicationToMarkdown(json, { lang })
        : format === 'html'
          ? applicationToHtml(json, { lang })
          : applicationToText(json, { lang });
  io.stdout(text);
  if (values.out) io.writeFile(values.out, text);
  return 0;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, runCli, runCliAsync, VERB_OPTIONS, type CliIo } from '../../src/cli/main.js';
import { OPTIONS, unreadOption } from '../../src/cli/options.js';

/** An IO that fails the test on any use but printing: a refused option must be refused before the verb reads or writes anything. */
function untouchable() {
  const out: string[] = [];
  const err: string[] = [];
  const touched = (what: string) => () => {
    throw new Error(`the verb ran (${what}) before its options were checked`);
  };
  const io = {
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => err.push(t),
    readFile: touched('readFile'),
    writeFile: touched('writeFile'),
    mkdir: touched('mkdir'),
    readBytes: touched('readBytes'),
    writeBytes: touched('writeBytes'),
    listFiles: touched('listFiles'),
    exists: touched('exists'),
    remove: touched('remove'),
    rename: touched('rename'),
  } as unknown as CliIo;
  return { io, out, err };
}

function cli(argv: string[]) {
  const { io, out, err } = untouchable();
  const code = runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A value node's parser accepts for the option. */
const argsOf = (option: string): string[] =>
  (OPTIONS as Record<string, { type: string }>)[option]!.type === 'boolean' ? [`--${option}`] : [`--${option}`, '5'];

const VERBS = Object.keys(COMMAND_HELP);

describe('each verb refuses an option it does not read (usage error, exit 2, naming option and verb)', () => {
  it('gep run --decline-threshold 5: in English and in Chinese', () => {
    const en = cli(['run', 'fixtures/sample-county/input.json', '--decline-threshold', '5']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain(
      'gep: gep run does not take --decline-threshold (it reads --profile, --format, --out, --lang, --strict, --date, --prepared-by and --rounding)',
    );
    const zh = cli(['run', 'fixtures/sample-county/input.json', '--decline-threshold', '5', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(
      'gep：gep run 不接受 --decline-threshold 选项（可用选项：--profile、--format、--out、--lang、--strict、--date、--prepared-by、--rounding）',
    );
  });

  it('every verb has a declaration, and the declarations name only real options', () => {
    expect(Object.keys(VERB_OPTIONS).sort()).toEqual([...VERBS].sort());
    for (const [verb, declared] of Object.entries(VERB_OPTIONS))
      for (const o of declared.reads) expect(Object.keys(OPTIONS), `${verb} --${o}`).toContain(o);
  });

  // One loop over every verb: the option is refused before the verb touches a file (the IO throws),
  // so this also shows that runCli checks the options of each verb before running it.
  for (const verb of VERBS) {
    it(`gep ${verb}: each option it does not read is refused before it runs, in en and zh`, () => {
      const reads = new Set<string>(VERB_OPTIONS[verb]!.reads);
      const unread = Object.keys(OPTIONS).filter((o) => o !== 'help' && o !== 'version' && !reads.has(o));
      expect(unread.length).toBeGreaterThan(0);
      for (const option of unread) {
        const en = cli([verb, 'in.json', ...argsOf(option)]);
        expect(en.code, `${verb} --${option}`).toBe(2);
        expect(en.stdout).toBe('');
        expect(en.stderr, `${verb} --${option}`).toContain(`gep ${verb} does not take --${option}`);
      }
      const option = unread[0]!;
      const zh = cli([verb, 'in.json', ...argsOf(option), ...(reads.has('lang') ? ['--lang', 'zh'] : [])]);
      expect(zh.code).toBe(2);
      expect(zh.stderr, verb).toContain(
        reads.has('lang') ? `gep：gep ${verb} 不接受 --${option} 选项` : `gep ${verb} does not take --${option}`,
      );
    });
  }

  it('every verb reads --lang, as docs/guide.md says ("every command takes --lang zh"; ecosystem-types refused it)', () => {
    expect(VERBS.filter((verb) => !(VERB_OPTIONS[verb]!.reads as readonly string[]).includes('lang'))).toEqual([]);
  });

  it('gep batch, through the executable path (runCliAsync) too', async () => {
    const { io, err } = untouchable();
    expect(await runCliAsync(['batch', 'dir', '--out', 'o', '--format', 'json'], io)).toBe(2);
    expect(err.join('')).toContain(
      'gep batch does not take --format (it reads --out, --profile, --strict, --float, --workers, --quiet and --lang)',
    );
  });

  it("uncertainty and sensitivity each refuse the other's options", () => {
    expect(cli(['uncertainty', 'in.json', '--top', '3']).stderr).toContain('gep uncertainty does not take --top');
    expect(cli(['sensitivity', 'in.json', '--draws', '100']).stderr).toContain('gep sensitivity does not take --draws');
    expect(cli(['sensitivity', 'in.json', '--quantiles', '0.5']).stderr).toContain('gep sensitivity does not take --quantiles');
  });

  it('the application verbs say where a method parameter goes instead (its file)', () => {
    const en = cli(['audit', 'in.json', '--decline-threshold', '5']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      'gep audit does not take --decline-threshold: it reads it from its file: set declineThreshold (with its source) there',
    );
    const zh = cli(['audit', 'in.json', '--base-year', '2020', '--lang', 'zh']);
    expect(zh.stderr).toContain('gep audit 不接受 --base-year 选项：该命令从输入文件中读取此项：请在文件中设置 baseYear');
    expect(cli(['finance', 'in.json', '--workers', '2']).stderr).toContain(
      'gep finance does not take --workers (it reads --format, --lang, --out, --profile and --strict)',
    );
  });

  it('release, verify-release, seea, compare, reproduce, validate, template and the listings', () => {
    const cases: [string[], string][] = [
      [['release', 'in.json', '--out', 'o', '--format', 'html'], 'gep release does not take --format'],
      [['verify-release', 'dir', '--profile', 'shanxi'], 'gep verify-release does not take --profile'],
      [['seea', 'in.json', '--draws', '10'], 'gep seea does not take --draws'],
      [['compare', 'a.json', 'b.json', '--out', 'x'], 'gep compare does not take --out'],
      [['reproduce', 'case.json', '--profile', 'shanxi'], 'gep reproduce does not take --profile'],
      [['validate', 'in.json', '--format', 'json'], 'gep validate does not take --format'],
      [['template', '--out', 't.xlsx', '--strict'], 'gep template does not take --strict'],
      [['profiles', '--profile', 'shanxi'], 'gep profiles does not take --profile'],
      [['coefficients', 'national-2022', '--format', 'json'], 'gep coefficients does not take --format'],
      [['indicators', '--strict'], 'gep indicators does not take --strict'],
    ];
    for (const [argv, message] of cases) {
      const r = cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
    }
  });

  it('--date and --prepared-by only where the output prints them', () => {
    const table = cli(['run', 'in.json', '--date', '2025-06-30']);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain(
      'gep run reads --date only with --format md, html, csv or xlsx (the outputs that print it), not with --format table',
    );
    expect(cli(['run', 'in.json', '--format', 'json', '--prepared-by', 'X']).stderr).toContain(
      'gep run reads --prepared-by only with --format md, html, csv or xlsx',
    );
    const zh = cli(['compare', 'a.json', 'b.json', '--date', '2025-06-30', '--lang', 'zh']);
    expect(zh.stderr).toContain('gep compare 仅在 --format 为 html 时读取 --date');
    // Accepted with a report format: the verb runs (and fails to read its file through this IO).
    const md = cli(['run', 'in.json', '--format', 'md', '--date', '2025-06-30']);
    expect(md.code).toBe(1);
    expect(md.stderr).not.toContain('--date');
  });

  it('--help and --version are always read', () => {
    expect(unreadOption('run', { reads: [] }, { help: true, version: true })).toBeNull();
    expect(unreadOption('x', { reads: [] }, { json: true })).toEqual({
      en: 'gep x does not take --json (it takes no options)',
      zh: 'gep x 不接受 --json 选项（该命令没有选项）',
    });
  });
});

describe("each verb's help text names exactly the options it reads", () => {
  const names = Object.keys(OPTIONS).filter((o) => o !== 'help' && o !== 'version');
  for (const verb of VERBS) {
    it(`gep ${verb} --help`, () => {
      // A help text may cite another verb's option ("as gep run --format json"): not this verb's.
      const help = COMMAND_HELP[verb]!.replace(/gep ([\w-]+) --[\w-]+/g, (m, other: string) => (other === verb ? m : ''));
      const mentioned = names.filter((o) => new RegExp(`--${o}(?![\\w-])`).test(help));
      expect(mentioned.sort(), verb).toEqual([...VERB_OPTIONS[verb]!.reads].sort());
    });
  }

  it("the README's command table has a row for every verb of the help, and no other", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1));
    const rows = [...section.matchAll(/^\| `gep ([\w-]+)/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...VERBS].sort());
  });
});

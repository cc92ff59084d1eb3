/**
 * `gep batch` reads each input file as bytes, decoded as `gep run` decodes them (UTF-8, else
 * GB18030), and writes each result file as bytes when the IO can. Before, it read JSON and CSV units
 * as UTF-8 text: a file saved by Excel or Notepad on a Chinese Windows had its region names garbled.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync, type CliIo } from '../../src/cli/main.js';
import { gb18030 } from '../helpers/gb18030.js';

const dir = mkdtempSync(join(tmpdir(), 'gep-batch-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The node IO of the `gep` executable (src/cli/bin.ts): text read as UTF-8, bytes as they are; `bytes: false` leaves out writeBytes. */
function nodeIo(bytes = true) {
  const out: string[] = [];
  const cliIo: CliIo = {
    stdout: (t) => out.push(t),
    stderr: () => {},
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: (p, t) => writeFileSync(p, t),
    ...(bytes ? { writeBytes: (p: string, b: Uint8Array) => writeFileSync(p, b) } : {}),
    mkdir: (p) => mkdirSync(p, { recursive: true }),
    readDir: (p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : null),
    readBytes: (p) => readFileSync(p),
    rename: (from, to) => renameSync(from, to),
    remove: (p) => rmSync(p, { recursive: true, force: true }),
  };
  return { cliIo, stdout: () => out.join('') };
}

// A small account: 1 250 t × 2 400 元/t = 3 000 000 元 of agricultural products.
const unit = (name: string, code: string) => ({
  region: { name, code, level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [
        {
          item: '玉米',
          ecosystemType: 'cropland',
          quantity: { value: '1250', unit: 't' },
          price: { value: '2400', unit: '元/t', priceYear: 2022 },
        },
      ],
    },
  },
});
// Three units of one structure: the first is computed directly, the next two on its compiled plan.
const NAMES = [
  ['测试县', '330226'],
  ['宁海县', '330227'],
  ['高淳区', '320118'],
] as const;
const CSV = [
  '指标,项目,生态系统类型,字段,数值,单位,价格年份,说明',
  '核算信息,,,region.name,象山县,,,',
  '核算信息,,,region.code,330225,,,',
  '核算信息,,,region.level,county,,,',
  '核算信息,,,accountingYear,2022,,,',
  '核算信息,,,priceYear,2022,,,',
  '农业产品,玉米,cropland,products[].quantity,1250,吨,,',
  '农业产品,玉米,cropland,products[].price,2400,元/吨,2022,',
].join('\r\n');

const folder = join(dir, 'in');
mkdirSync(folder);
writeFileSync(join(folder, 'list.json'), gb18030(JSON.stringify(NAMES.map(([n, c]) => unit(n, c)))));
writeFileSync(join(folder, 'xiangshan.csv'), gb18030(CSV));

describe('gep batch reads GB18030 inputs (issue 14)', () => {
  for (const [label, bytes] of [
    ['written as bytes', true],
    ['written as text', false],
  ] as const) {
    it(`keeps the Chinese region names of a GB18030 JSON list and CSV unit intact (results ${label})`, () => {
      const out = join(dir, `out-${label.replace(/ /g, '-')}`);
      const t = nodeIo(bytes);
      expect(runCli(['batch', folder, '--out', out], t.cliIo)).toBe(0);
      expect(t.stdout()).toContain('4 units: 4 accounted, 0 failed');
      for (const [name, code] of [...NAMES, ['象山县', '330225']]) {
        const text = readFileSync(join(out, 'units', `${code}.json`), 'utf8');
        expect(text.endsWith('}\n')).toBe(true);
        const result = JSON.parse(text);
        expect(result.region.name).toBe(name);
        expect(result.totals.gep.value).toBe('3000000');
      }
      const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
      for (const [name] of NAMES) expect(summary).toContain(`,${name},`);
      expect(summary).toContain(',象山县,');
      expect(summary).not.toContain('\ufffd');
    });
  }

  it('writes the same result files on the asynchronous path (the gep executable) as on the synchronous one', async () => {
    const a = join(dir, 'out-sync');
    const b = join(dir, 'out-async');
    expect(runCli(['batch', folder, '--out', a], nodeIo().cliIo)).toBe(0);
    expect(await runCliAsync(['batch', folder, '--out', b, '--workers', '2'], nodeIo().cliIo)).toBe(0);
    const files = readdirSync(join(a, 'units')).sort();
    expect(readdirSync(join(b, 'units')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, 'units', f)).equals(readFileSync(join(a, 'units', f))), f).toBe(true);
  });
});

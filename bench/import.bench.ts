/**
 * `npm run bench:import`: reading a 3 000-row long-form input (1 500 product lines × 2 rows:
 * quantity, and price with its price year) from CSV and from XLSX, with the full validation. Prints wall time (best of BENCH_RUNS, default 5) and peak memory (maxRSS of a child
 * process that only does the import, and the same for a child that only loads the modules).
 * Not part of `npm test`; no timing is asserted. BENCH_IMPORT_ROWS changes the size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCsv } from '../src/io/csv-input.js';
import { inputToCsv, inputToXlsx } from '../src/io/input-export.js';
import { importXlsx } from '../src/io/xlsx-input.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** A county with ROWS/2 agriculture products (quantity; price with price year: 2 rows each). */
function bigInput() {
  const products = Array.from({ length: Math.ceil(ROWS / 2) }, (_, i) => ({
    item: `产品 ${i + 1}`,
    quantity: { value: `${1000 + i}.${i % 100}`, unit: i % 2 ? 't' : '万t' },
    price: { value: `${2000 + (i % 997)}.5`, unit: '元/t', priceYear: 2022 },
    ecosystemType: i % 3 ? 'cropland' : 'orchard',
  }));
  return {
    region: { name: 'Bench County', level: 'county' },
    accountingYear: 2022,
    priceYear: 2022,
    indicators: { 'material.agriculture': { products } },
  };
}

function child(mode: string, file: string): { ms: number; maxRssMiB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, file], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

if (process.argv[2] === '--child') {
  const [, , , mode, file] = process.argv;
  const bytes = new Uint8Array(readFileSync(file!));
  let best = Infinity;
  if (mode !== 'baseline') {
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      if (mode === 'csv') importCsv(bytes, file);
      else importXlsx(bytes, file);
      best = Math.min(best, performance.now() - t);
    }
  }
  console.log(JSON.stringify({ ms: best === Infinity ? 0 : best, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'gep-bench-'));
  const input = bigInput();
  const csvFile = join(dir, 'big.csv');
  const xlsxFile = join(dir, 'big.xlsx');
  writeFileSync(csvFile, inputToCsv(input, 'zh'));
  writeFileSync(xlsxFile, inputToXlsx(input, 'zh'));
  const dataRows = readFileSync(csvFile, 'utf8').split('\r\n').length - 2;
  const base = child('baseline', csvFile);
  const csv = child('csv', csvFile);
  const xlsx = child('xlsx', xlsxFile);
  const size = (f: string) => `${(readFileSync(f).length / 1024).toFixed(0)} KiB`;
  console.log(`Import of a ${dataRows}-row long-form input (best of ${RUNS}; peak = maxRSS of a child process)\n`);
  console.log('| format | file size | time | peak memory | over module baseline |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, r, f] of [
    ['CSV', csv, csvFile],
    ['XLSX', xlsx, xlsxFile],
  ] as const) {
    console.log(
      `| ${name} | ${size(f)} | ${r.ms.toFixed(0)} ms | ${r.maxRssMiB.toFixed(0)} MiB | ${(r.maxRssMiB - base.maxRssMiB).toFixed(0)} MiB |`,
    );
  }
}

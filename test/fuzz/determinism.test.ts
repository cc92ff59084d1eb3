/**
 * Determinism: the same input gives byte-identical output, whatever the format it was read from,
 * the run, or the clock; and the result records the hash of its input and of its coefficient
 * table (test/accounts/gep.test.ts covers the sample's JSON; this covers CSV and XLSX inputs,
 * every export, and the CLI).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { getCoefficientTable } from '../../src/coefficients/tables.js';
import { importCsv } from '../../src/io/csv-input.js';
import { coefficientTableHash, inputHash } from '../../src/io/hash.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';
import { importJson } from '../../src/io/read-input.js';
import { resultToCsvFiles, resultToJsonText, resultToMarkdown, resultToXlsx } from '../../src/io/result-export.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { validInputArb } from './generators.js';
import { onlyInputErrors, params, timeout } from './support.js';

const SAMPLE_FILE = 'fixtures/sample-county/input.json';
const SAMPLE_TEXT = readFileSync(SAMPLE_FILE, 'utf8');

/** Every output of one input, as text or bytes. */
function outputs(input: Record<string, unknown>) {
  const result = computeGep(input);
  const json = gepResultToJson(result);
  const options = { inputHash: inputHash(input), coefficientTableHash: coefficientTableHash(getCoefficientTable(result.coefficientTable)) };
  return {
    json: resultToJsonText(json, options),
    csv: JSON.stringify(resultToCsvFiles(json, options)),
    markdown: resultToMarkdown(json, options),
    xlsx: Buffer.from(resultToXlsx(json, options)).toString('base64'),
    inputCsv: inputToCsv(input, 'zh'),
    inputXlsx: Buffer.from(inputToXlsx(input, 'en')).toString('base64'),
  };
}

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical JSON, CSV, Markdown and XLSX exports for the sample read from JSON, CSV or XLSX, at any time of day', () => {
    const fromJson = importJson(SAMPLE_TEXT, 'input.json').input;
    const csvText = inputToCsv(fromJson, 'zh');
    const xlsxBytes = inputToXlsx(fromJson, 'en');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = outputs(importCsv(csvText, 'input.csv').input);
    vi.setSystemTime(new Date('2031-06-15T13:45:12Z'));
    const second = outputs(importXlsx(xlsxBytes, 'input.xlsx').input);
    vi.useRealTimers();
    const third = outputs(fromJson);
    for (const key of Object.keys(first) as (keyof typeof first)[]) {
      expect(second[key], key).toBe(first[key]);
      expect(third[key], key).toBe(first[key]);
    }
  });

  it(
    'gives byte-identical JSON for generated inputs of every indicator, read back from CSV and XLSX (property)',
    () => {
      fc.assert(
        fc.property(validInputArb, (input) => {
          const direct = onlyInputErrors('determinism', () => JSON.stringify(gepResultToJson(computeGep(input))));
          if (direct === null) return;
          expect(JSON.stringify(gepResultToJson(computeGep(input)))).toBe(direct);
          expect(JSON.stringify(gepResultToJson(computeGep(importCsv(inputToCsv(input, 'en'), 'g.csv').input)))).toBe(direct);
          expect(JSON.stringify(gepResultToJson(computeGep(importXlsx(inputToXlsx(input, 'zh'), 'g.xlsx').input)))).toBe(direct);
        }),
        params(10, 0.01),
      );
    },
    timeout(10, 0.01, 60),
  );
});

describe('hashes in the result', () => {
  it('the coefficient-table hash is SHA-256 of the canonical table, the same for any row order, and changes with any field of any row', () => {
    const table = getCoefficientTable('national-2022/1.0.0');
    const hash = coefficientTableHash(table);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(coefficientTableHash({ ...table, rows: [...table.rows].reverse() })).toBe(hash);
    const [first, ...rest] = table.rows;
    expect(coefficientTableHash({ ...table, rows: [{ ...first!, note: `${first!.note} ` }, ...rest] })).not.toBe(hash);
    expect(coefficientTableHash({ ...table, rows: [{ ...first!, value: `${first!.value}0` }, ...rest] })).not.toBe(hash);
    expect(coefficientTableHash({ ...table, key: 'national-2022/1.0.1' })).not.toBe(hash);
    expect(coefficientTableHash(getCoefficientTable('shanxi/1.0.0'))).not.toBe(hash);
  });

  it('gep run --format json writes the input hash and the hash of the table the profile used, the same on every run', () => {
    const run = () => {
      const out: string[] = [];
      const io: CliIo = {
        stdout: (t) => out.push(t),
        stderr: () => {},
        readFile: (p) => readFileSync(p, 'utf8'),
        writeFile: () => {},
        mkdir: () => {},
      };
      expect(runCli(['run', SAMPLE_FILE, '--format', 'json'], io)).toBe(0);
      return out.join('');
    };
    const text = run();
    expect(run()).toBe(text);
    const exported = JSON.parse(text) as { coefficientTable: string; export: { inputHash: string; coefficientTableHash: string } };
    expect(exported.export.inputHash).toBe(inputHash(JSON.parse(SAMPLE_TEXT)));
    expect(exported.export.coefficientTableHash).toBe(coefficientTableHash(getCoefficientTable(exported.coefficientTable)));
  });
});

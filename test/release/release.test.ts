import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRelease, isReleaseDate, RELEASE_PATHS, type ReleaseBundle } from '../../src/release/bundle.js';
import { verifyRelease } from '../../src/release/verify.js';
import { methodPage } from '../../src/release/method-pages.js';
import { sha256Hex } from '../../src/io/hash.js';
import { GepInputError } from '../../src/errors/errors.js';
import { INDICATORS } from '../../src/indicators/registry.js';
import { TINY } from './fixtures.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function folder(bundle: ReleaseBundle): Map<string, Uint8Array> {
  return new Map([...bundle.files.map((f) => [f.path, f.bytes] as [string, Uint8Array]), [RELEASE_PATHS.manifest, bundle.manifestBytes]]);
}

/** Replace a file and record its new hash and size in the manifest, as a forger who knows the format would. */
function forge(files: Map<string, Uint8Array>, path: string, bytes: Uint8Array): void {
  files.set(path, bytes);
  const manifest = JSON.parse(dec.decode(files.get(RELEASE_PATHS.manifest)!));
  const entry = manifest.files.find((f: { path: string }) => f.path === path);
  entry.sha256 = sha256Hex(bytes);
  entry.bytes = bytes.length;
  files.set(RELEASE_PATHS.manifest, enc.encode(JSON.stringify(manifest)));
}

const codes = (v: ReturnType<typeof verifyRelease>) => v.issues.map((i) => i.code);

describe('buildRelease', () => {
  let bundle: ReleaseBundle;
  beforeAll(() => {
    bundle = buildRelease(TINY, { date: '2024-06-30' });
  });

  it('writes the account, input, coefficients, to-verify list, method pages and README, each hashed in the manifest', () => {
    expect(bundle.files.map((f) => f.path)).toEqual([
      'README.md',
      'input/input.json',
      'account/result.json',
      'account/result.xlsx',
      'account/report.html',
      'coefficients/used.json',
      'coefficients/used.csv',
      'to-verify.json',
      'methods/material.fishery.md',
    ]);
    for (const f of bundle.files) {
      const entry = bundle.manifest.files.find((e) => e.path === f.path)!;
      expect(entry.sha256).toBe(sha256Hex(f.bytes));
      expect(entry.bytes).toBe(f.bytes.length);
    }
    expect(bundle.manifest.files.some((e) => e.path === 'manifest.json')).toBe(false);
  });

  it('records library version, profile, table and its hash, input hash, date and the GEP (1 800 t × 14 000 元/t)', () => {
    const m = bundle.manifest;
    expect(m).toMatchObject({
      kind: 'gep-release',
      formatVersion: 1,
      date: '2024-06-30',
      libraryVersion: '0.1.0',
      profile: { id: 'national-2022' },
      coefficientTable: 'national-2022/1.1.0',
      strict: false,
    });
    expect(m.gep).toEqual({ value: '25200000', unit: '元', priceYear: 2022 });
    expect(m.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(m.coefficientTableHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const result = JSON.parse(dec.decode(bundle.files.find((f) => f.path === 'account/result.json')!.bytes));
    expect(result.export.inputHash).toBe(m.inputHash);
    expect(result.totals.gep.value).toBe('25200000');
  });

  it('puts the report date and who prepared it into report.html, the workbook and the README, and records them in the manifest', () => {
    const text = (b: ReleaseBundle, path: string) => dec.decode(b.files.find((f) => f.path === path)!.bytes);
    const zh = buildRelease(TINY, { date: '2025-06-30', preparedBy: ' 某县统计局 ', lang: 'zh' });
    expect(zh.manifest.date).toBe('2025-06-30');
    expect(zh.manifest.preparedBy).toBe('某县统计局');
    expect(JSON.parse(dec.decode(zh.manifestBytes)).preparedBy).toBe('某县统计局');
    expect(text(zh, 'account/report.html')).toContain('<li><b>报告日期</b>2025-06-30</li><li><b>编制单位</b>某县统计局</li>');
    expect(text(zh, 'README.md')).toContain('发布日期 2025-06-30 · 编制单位 某县统计局');
    const en = buildRelease(TINY, { date: '2025-06-30', preparedBy: 'X bureau' });
    expect(text(en, 'account/report.html')).toContain('<li><b>Report date</b>2025-06-30</li><li><b>Prepared by</b>X bureau</li>');
    expect(text(en, 'README.md')).toContain('released 2025-06-30 · prepared by X bureau');
    // Without a name: the manifest says so (null), the report says "not stated".
    expect(bundle.manifest.preparedBy).toBeNull();
    expect(text(bundle, 'account/report.html')).toContain('<li><b>Report date</b>2024-06-30</li>');
    expect(verifyRelease(folder(zh)).ok).toBe(true);
  });

  it('refuses a "prepared by" that is empty or not on one line (it would break the README)', () => {
    for (const preparedBy of ['  ', 'a\n# forged heading', 'a\u2028b', 'a\u202eb']) {
      expect(() => buildRelease(TINY, { date: '2024-06-30', preparedBy }), JSON.stringify(preparedBy)).toThrow(GepInputError);
    }
  });

  it('bundles the method page that docs/methods/ holds for each indicator accounted', () => {
    const page = dec.decode(bundle.files.find((f) => f.path === 'methods/material.fishery.md')!.bytes);
    expect(page).toBe(readFileSync('docs/methods/material.fishery.md', 'utf8'));
  });

  it('refuses a date that is not a calendar date written YYYY-MM-DD', () => {
    expect(() => buildRelease(TINY, { date: '2024-02-30' })).toThrow(GepInputError);
    expect(() => buildRelease(TINY, { date: '30/06/2024' })).toThrow(/YYYY-MM-DD/);
    expect([isReleaseDate('2024-02-29'), isReleaseDate('2023-02-29'), isReleaseDate('1900-02-29'), isReleaseDate('2000-02-29')]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('is byte-for-byte the same when built twice with the same date', () => {
    const again = buildRelease(TINY, { date: '2024-06-30' });
    expect(sha256Hex(again.manifestBytes)).toBe(sha256Hex(bundle.manifestBytes));
  });
});

describe('verifyRelease', () => {
  let bundle: ReleaseBundle;
  beforeAll(() => {
    bundle = buildRelease(TINY, { date: '2024-06-30', original: { name: 'data/tiny.json', bytes: enc.encode(JSON.stringify(TINY)) } });
  });

  it('holds for an untouched release, comparing every value of the account', () => {
    const v = verifyRelease(folder(bundle));
    expect(v.issues).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checked.files).toBe(bundle.files.length);
    expect(v.checked.values).toBeGreaterThan(50);
  });

  it('catches a tampered file by its hash, naming the file', () => {
    const files = folder(bundle);
    const html = files.get('account/report.html')!;
    files.set('account/report.html', enc.encode(dec.decode(html).replace('2,520.00', '2,620.00')));
    const v = verifyRelease(files);
    expect(v.ok).toBe(false);
    expect(v.issues).toHaveLength(1);
    expect(v.issues[0]).toMatchObject({ code: 'release.file-changed', location: { file: 'account/report.html' } });
    expect(v.issues[0]!.message).toMatch(/content changed since the release: SHA-256 [0-9a-f]{64} \(\d+ bytes\), the manifest records/);
  });

  it('catches a changed number even when the forger updated the manifest hash, by recomputing', () => {
    const files = folder(bundle);
    const text = dec.decode(files.get('account/result.json')!).replace('"value": "25200000"', '"value": "25300000"');
    forge(files, 'account/result.json', enc.encode(text));
    const v = verifyRelease(files);
    expect(v.ok).toBe(false);
    // The first "value": "25200000" of the file is totals.material.
    expect(v.issues).toEqual([
      expect.objectContaining({
        code: 'release.number-differs',
        path: ['totals', 'material', 'value'],
        expected: '25300000',
        found: '25200000',
        location: { file: 'account/result.json' },
      }),
    ]);
    expect(v.issues[0]!.message).toBe('totals.material.value: the release has 25300000, the recomputation gives 25200000');
  });

  it('catches a readable file and the manifest both showing another GEP, the file hash updated: by field and by regeneration', () => {
    // The audit's forgery: GEP 25 200 000 元 (2 520.00 万元) shown as 35 200 000 (3 520.00 万元) in report.html and in
    // manifest.json, report.html's hash updated in the manifest. Every hash then matches and account/result.json is
    // untouched, so only comparing the manifest's own figures, and report.html's bytes, with the recomputation finds it.
    const files = folder(bundle);
    const html = dec.decode(files.get('account/report.html')!).replaceAll('25200000', '35200000').replaceAll('2,520.00', '3,520.00');
    forge(files, 'account/report.html', enc.encode(html));
    const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
    manifest.gep.value = '35200000';
    files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
    const v = verifyRelease(files);
    expect(v.ok).toBe(false);
    expect(v.issues).toContainEqual(
      expect.objectContaining({
        code: 'release.number-differs',
        path: ['gep', 'value'],
        expected: '35200000',
        found: '25200000',
        location: { file: 'manifest.json' },
      }),
    );
    const page = v.issues.find((i) => i.code === 'release.derived-differs')!;
    expect(page.location?.file).toBe('account/report.html');
    expect(page.location?.row).toBeGreaterThan(0);
    expect(page.message).toMatch(/^does not match the file regenerated from the recomputed account: the release has «.*35200000/);
    expect(v.issues.map((i) => [i.code, i.location?.file])).toEqual([
      ['release.number-differs', 'manifest.json'],
      ['release.derived-differs', 'account/report.html'],
    ]);
  });

  it('compares every summary figure of the manifest with the recomputed account: region, years, counts', () => {
    const cases: [string, (m: Record<string, any>) => void, (string | number)[], string, string][] = [
      ['region', (m) => (m.region.name = 'another county'), ['region', 'name'], 'another county', '测试县 test county'],
      ['accountingYear', (m) => (m.accountingYear = 2021), ['accountingYear'], '2021', '2022'],
      ['priceYear', (m) => (m.priceYear = 2020), ['priceYear'], '2020', '2022'],
      ['toVerifyCoefficients', (m) => (m.toVerifyCoefficients = 3), ['toVerifyCoefficients'], '3', '0'],
      ['gep unit', (m) => (m.gep.unit = '万元'), ['gep', 'unit'], '万元', '元'],
    ];
    for (const [what, edit, path, expected, found] of cases) {
      const files = folder(bundle);
      const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
      edit(manifest);
      files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
      const v = verifyRelease(files);
      expect(v.ok, what).toBe(false);
      expect(v.issues, what).toContainEqual(expect.objectContaining({ path, expected, found, location: { file: 'manifest.json' } }));
    }
  });

  it('regenerates the README, the workbook, the coefficient files, the to-verify list and the method pages byte for byte', () => {
    for (const path of [
      'README.md',
      'account/result.xlsx',
      'coefficients/used.csv',
      'coefficients/used.json',
      'to-verify.json',
      'methods/material.fishery.md',
    ]) {
      const files = folder(bundle);
      const bytes = files.get(path)!;
      // A space added in front (for the workbook, one byte of its compressed data changed), the hash updated.
      const changed = path.endsWith('.xlsx') ? bytes.slice() : enc.encode(` ${dec.decode(bytes)}`);
      if (path.endsWith('.xlsx')) changed[bytes.length >> 1] = changed[bytes.length >> 1]! ^ 1;
      forge(files, path, changed);
      const v = verifyRelease(files);
      expect(
        v.issues.map((i) => [i.code, i.location?.file]),
        path,
      ).toEqual([['release.derived-differs', path]]);
    }
    const v = verifyRelease(folder(bundle));
    expect(v.checked.regenerated).toBe(8); // every file but account/result.json (compared value by value) and the original input
    expect(v.hashOnly).toEqual(['input/original.json']);
  });

  it('regenerates a release whose manifest predates its "lang" in the language that fits, and finds a page removed with its entry', () => {
    const zh = buildRelease(TINY, { date: '2024-06-30', lang: 'zh' });
    const files = folder(zh);
    const { lang: _lang, ...older } = JSON.parse(dec.decode(files.get('manifest.json')!));
    files.set('manifest.json', enc.encode(JSON.stringify(older)));
    expect(verifyRelease(files)).toMatchObject({ ok: true, checked: { regenerated: 8 } }); // no original input file: all 9 but result.json;
    files.delete('methods/material.fishery.md');
    older.files = older.files.filter((f: { path: string }) => f.path !== 'methods/material.fishery.md');
    files.set('manifest.json', enc.encode(JSON.stringify(older)));
    expect(verifyRelease(files).issues.map((i) => [i.code, i.location?.file])).toContainEqual([
      'release.file-unlisted',
      'methods/material.fishery.md',
    ]);
  });

  it('checks the SHA-256 of manifest.json against the one published beside the release, when given', () => {
    const files = folder(bundle);
    const hash = sha256Hex(bundle.manifestBytes);
    expect(verifyRelease(files).manifestSha256).toBe(hash);
    expect(verifyRelease(files, { manifestSha256: hash.toUpperCase() }).ok).toBe(true);
    const v = verifyRelease(files, { manifestSha256: '0'.repeat(64) });
    expect(v.ok).toBe(false);
    expect(v.issues).toEqual([
      expect.objectContaining({
        code: 'release.manifest-hash',
        expected: '0'.repeat(64),
        found: hash,
        location: { file: 'manifest.json' },
      }),
    ]);
  });

  it('checks derived files by hash only when the release was made by another library version', () => {
    const files = folder(bundle);
    const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
    files.set('manifest.json', enc.encode(JSON.stringify({ ...manifest, libraryVersion: '0.0.9' })));
    const v = verifyRelease(files);
    expect(v.ok).toBe(true);
    expect(v.checked.regenerated).toBe(0);
    expect(v.hashOnly).toEqual(bundle.files.map((f) => f.path).filter((p) => p !== 'account/result.json'));
  });

  it('compares numbers by decimal value: "25200000.00" equals "25200000"', () => {
    const files = folder(bundle);
    forge(
      files,
      'account/result.json',
      enc.encode(dec.decode(files.get('account/result.json')!).replace(/"value": "25200000"/g, '"value": "25200000.00"')),
    );
    expect(verifyRelease(files).issues).toEqual([]);
  });

  it('catches a missing file and an extra file', () => {
    const files = folder(bundle);
    files.delete('methods/material.fishery.md');
    files.set('notes.txt', enc.encode('added later'));
    const v = verifyRelease(files);
    expect(v.issues.map((i) => [i.code, i.location?.file])).toEqual([
      ['release.file-missing', 'methods/material.fishery.md'],
      ['release.file-extra', 'notes.txt'],
    ]);
  });

  it('catches a changed input through its hash, the original file and the recomputation', () => {
    const files = folder(bundle);
    forge(
      files,
      'input/input.json',
      enc.encode(
        JSON.stringify({
          ...TINY,
          indicators: {
            'material.fishery': {
              products: [{ ...TINY.indicators['material.fishery'].products[0], quantity: { value: '1900', unit: 't' } }],
            },
          },
        }),
      ),
    );
    const v = verifyRelease(files);
    expect(codes(v)).toContain('release.input-hash');
    // 1 900 t × 14 000 元/t = 26 600 000 元 recomputed, against 25 200 000 released.
    expect(v.issues).toContainEqual(
      expect.objectContaining({
        code: 'release.number-differs',
        path: ['totals', 'gep', 'value'],
        expected: '25200000',
        found: '26600000',
      }),
    );
  });

  it('catches a different coefficient table version: the recorded table hash and the account disagree', () => {
    const files = folder(bundle);
    const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
    files.set('manifest.json', enc.encode(JSON.stringify({ ...manifest, coefficientTable: 'gbt-46869-2025/1.0.0' })));
    const v = verifyRelease(files);
    expect(codes(v)).toEqual(expect.arrayContaining(['release.table-changed', 'release.mismatch']));
    expect(v.issues.find((i) => i.code === 'release.mismatch')!.message).toBe(
      'coefficientTable: the manifest records gbt-46869-2025/1.0.0, this file has "national-2022/1.1.0"',
    );
  });

  it('reports a table this library does not have instead of recomputing with another', () => {
    const files = folder(bundle);
    const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
    files.set('manifest.json', enc.encode(JSON.stringify({ ...manifest, coefficientTable: 'national-2022/9.9.9' })));
    const v = verifyRelease(files);
    expect(v.issues.find((i) => i.code === 'release.table-unknown')!.message).toBe(
      'coefficient table national-2022/9.9.9 is not in this library (gep-accounting 0.1.0); the account cannot be recomputed',
    );
    expect(v.checked.values).toBe(0);
  });

  it('refuses a folder without a manifest, or with a manifest that is not one', () => {
    const files = folder(bundle);
    files.delete('manifest.json');
    expect(codes(verifyRelease(files))).toEqual(['release.manifest-missing']);
    files.set('manifest.json', enc.encode('{"kind":"gep-release","formatVersion":1}'));
    const v = verifyRelease(files);
    expect(v.ok).toBe(false);
    expect(v.issues.every((i) => i.code === 'release.manifest-invalid')).toBe(true);
    expect(v.issues.map((i) => i.expected)).toContain('files: a list of { path, sha256 (64 hex digits), bytes }');
  });

  it('refuses files past the size limits, located, before hashing or parsing them', () => {
    const files = folder(bundle);
    // A manifest of 1 MiB + 1 byte: past maxManifestBytes (the real one is a few kB).
    files.set('manifest.json', new Uint8Array(1024 * 1024 + 1));
    let v = verifyRelease(files);
    expect(v.ok).toBe(false);
    expect(v.issues.map((i) => [i.code, i.location?.file, i.found, i.expected])).toEqual([
      ['input.too-large', 'manifest.json', '1048577 bytes', '1048576 bytes (option limits.maxManifestBytes)'],
    ]);
    // Limits are options: an account of 2 000 bytes against a 1 000-byte limit.
    const small = folder(bundle);
    small.set('account/result.json', new Uint8Array(2000));
    v = verifyRelease(small, { limits: { maxFileBytes: 1000, maxTotalBytes: 1e9 } });
    expect(v.issues.map((i) => [i.code, i.location?.file])).toContainEqual(['input.too-large', 'account/result.json']);
    expect(verifyRelease(folder(bundle), { limits: { maxFiles: 3 } }).issues.map((i) => i.found)).toEqual([
      `a folder of ${bundle.files.length + 1} files`,
    ]);
    expect(verifyRelease(folder(bundle), { limits: { maxTotalBytes: 10 } }).issues[0]!.expected).toBe(
      '10 bytes in all (option limits.maxTotalBytes)',
    );
  });

  it('refuses manifest paths that leave the release folder, are listed twice, or name the manifest', () => {
    for (const bad of [
      '../outside.txt',
      '/etc/passwd',
      'C:/x',
      'account/../../x',
      'a\\..\\..\\x',
      'account//x',
      'a\u202e/x',
      './README.md',
      'manifest.json',
      'README.md',
    ]) {
      const files = folder(bundle);
      const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
      manifest.files.push({ path: bad, sha256: '0'.repeat(64), bytes: 0, role: 'x' });
      files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
      const v = verifyRelease(files);
      const issue = v.issues.find((i) => i.code === 'release.manifest-invalid');
      expect(issue, bad).toBeDefined();
      expect(issue!.location?.file).toBe('manifest.json');
      expect(issue!.path).toEqual(['files', manifest.files.length - 1, 'path']);
      expect(issue!.message, bad).toContain(JSON.stringify(bad));
    }
  });

  it('refuses a manifest without region or years instead of failing on them later', () => {
    const files = folder(bundle);
    const { region: _region, accountingYear: _year, ...manifest } = JSON.parse(dec.decode(files.get('manifest.json')!));
    files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
    const v = verifyRelease(files);
    expect(v.manifest).toBeNull();
    expect(v.issues.map((i) => i.expected)).toEqual(['region: { name, … }', 'accountingYear: a year']);
  });

  it('notes another library version and still compares the numbers', () => {
    const files = folder(bundle);
    const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
    files.set('manifest.json', enc.encode(JSON.stringify({ ...manifest, libraryVersion: '0.0.9' })));
    const v = verifyRelease(files);
    expect(v.ok).toBe(true);
    expect(v.notes[0]!.en).toMatch(/made with gep-accounting 0\.0\.9; this is 0\.1\.0/);
  });
});

describe('the sample county', () => {
  it('releases and verifies, with a method page for each of its indicators', () => {
    const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
    const bundle = buildRelease(input, { date: '2024-06-30', lang: 'zh' });
    const pages = bundle.files.filter((f) => f.path.startsWith('methods/')).map((f) => f.path.slice(8, -3));
    const result = JSON.parse(dec.decode(bundle.files.find((f) => f.path === 'account/result.json')!.bytes));
    expect(pages).toEqual(result.indicators.map((i: { id: string }) => i.id));
    expect(JSON.parse(dec.decode(bundle.files.find((f) => f.path === 'to-verify.json')!.bytes)).coefficients).toHaveLength(
      bundle.manifest.toVerifyCoefficients,
    );
    expect(verifyRelease(folder(bundle)).issues).toEqual([]);
  });
});

describe('methodPage', () => {
  it('renders for every implemented indicator exactly what docs/methods/ holds', () => {
    for (const id of INDICATORS.keys()) expect(methodPage(id), id).toBe(readFileSync(`docs/methods/${id}.md`, 'utf8'));
  });
});

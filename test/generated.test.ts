import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../scripts/generated-files.js';
import { PUBLISHED_TABLES, publishedHashes, readTables, tableHash } from '../scripts/generated-sources.js';
import { LIBRARY_VERSION } from '../src/version.js';

describe('generated files', () => {
  it('are up to date with the reviewed data (run `npm run generate` when this fails)', () => {
    for (const [path, text] of Object.entries(renderGeneratedFiles())) {
      expect(readFileSync(path, 'utf8'), path).toBe(text);
    }
  });

  it('the library version equals package.json', () => {
    expect(LIBRARY_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('published coefficient table versions', () => {
  const tables = readTables('coefficients');
  const known = (JSON.parse(readFileSync(PUBLISHED_TABLES, 'utf8')) as { tables: Record<string, string> }).tables;

  it('each have a recorded hash, and their content still has it', () => {
    for (const t of tables.filter((t) => t.published)) expect(known[`${t.id}/${t.version}`], `${t.id}/${t.version}`).toBe(tableHash(t));
  });

  it('cannot be changed or removed: generation stops and asks for a new version', () => {
    const published = tables.filter((t) => t.published);
    const first = published.find((t) => t.rows.length > 0);
    const rest = published.filter((t) => t !== first);
    const edited = { ...first!, rows: first!.rows.map((r, i) => (i === 0 ? { ...r, value: `${r.value}1` } : r)) };
    expect(() => publishedHashes([edited, ...rest], known)).toThrow(/must not change: .* changed\. Make a new version/);
    expect(() => publishedHashes(rest, known)).toThrow(/removed/);
    // A draft (no publication date) is not frozen; a newly published version is added.
    const draft = { ...first!, version: '9.9.9', published: undefined };
    expect(Object.keys(publishedHashes([...tables, draft], known))).not.toContain(`${first!.id}/9.9.9`);
    expect(publishedHashes([...tables, { ...draft, published: '2026-12-06' }], known)[`${first!.id}/9.9.9`]).toBe(
      tableHash({ ...draft, published: '2026-12-06' }),
    );
  });
});

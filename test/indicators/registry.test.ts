/**
 * Conformance: every registered indicator module has the fixed shape and describes itself fully
 * (InVEST's "compliant model" check). A new module that lacks a piece, a unit or a clause fails here.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/indicators/registry.js';
import { catalogue } from '../../src/indicators/catalogue.js';
import { coefficientTables, sources } from '../../src/coefficients/tables.js';
import { listProfiles } from '../../src/profiles/profiles.js';
import { isKnownUnit, sameDimensionUnits } from '../../src/units/units.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { GepInputError } from '../../src/errors/errors.js';
import { runIndicator } from '../helpers/indicator.js';
import sample from '../../fixtures/sample-county/input.json';

const allRows = [...coefficientTables().values()].flatMap((t) => t.rows.map((r) => r.id));

describe.each([...INDICATORS.entries()])('indicator module %s', (id, module) => {
  it('exports exactly spec, inputSchema, quantity and value', () => {
    expect(Object.keys(module).sort()).toEqual(['inputSchema', 'quantity', 'spec', 'value']);
    expect(typeof module.quantity).toBe('function');
    expect(typeof module.value).toBe('function');
    expect(typeof module.inputSchema.safeParse).toBe('function');
  });

  it('matches its catalogue entry, with units that parse and a value in 元', () => {
    const entry = catalogue().get(id);
    expect(entry, `${id} is not in the catalogue`).toBeDefined();
    expect(module.spec).toMatchObject(entry!);
    expect(isKnownUnit(module.spec.physicalUnit)).toBe(true);
    expect(module.spec.valueUnit).toBe('元');
  });

  it('cites at least one clause, each of a registered source', () => {
    expect(module.spec.clauses.length).toBeGreaterThan(0);
    for (const c of module.spec.clauses) {
      expect(sources().has(c.source), `${id} cites unknown source ${c.source}`).toBe(true);
      expect(c.clause.length).toBeGreaterThan(3);
    }
  });

  it('documents every input field with a description and a unit that parses', () => {
    expect(module.spec.inputs.length).toBeGreaterThan(0);
    for (const f of module.spec.inputs) {
      expect(f.description.length, `${id} ${f.path}`).toBeGreaterThan(5);
      if (f.unit !== null) expect(isKnownUnit(f.unit), `${id} ${f.path}: ${f.unit}`).toBe(true);
    }
  });

  it('describes every input field in Chinese too (issue 16: Chinese templates showed the English)', () => {
    for (const f of module.spec.inputs) {
      expect(f.descriptionZh, `${id} ${f.path}`).toMatch(/\p{Script=Han}/u);
      expect(f.descriptionZh, `${id} ${f.path}`).not.toBe(f.description);
    }
  });

  it('names variants with their options and a default among them', () => {
    for (const v of module.spec.variants) {
      expect(Object.keys(v.options)).toContain(v.default);
      for (const text of Object.values(v.options)) expect(text.length).toBeGreaterThan(5);
    }
  });

  it('reads only coefficients that some table has', () => {
    for (const c of module.spec.coefficients) {
      const found = c.endsWith('*') ? allRows.some((r) => r.startsWith(c.slice(0, -1))) : allRows.includes(c);
      expect(found, `${id} names coefficient ${c}, which no table has`).toBe(true);
    }
  });
});

/**
 * Chinese reports show trace steps and warnings in Chinese: every step a module records has a zh
 * name and every warning a zh message, on the sample county under every variant option.
 */
describe.each([...INDICATORS.entries()].filter(([id]) => id in sample.indicators))('trace of %s', (id, module) => {
  const options = module.spec.variants.flatMap((v) => Object.keys(v.options).map((o) => ({ [v.name]: o })));
  it.each([{}, ...options])('names every step and warning in Chinese (variant %o)', (variant) => {
    const run = (() => {
      try {
        return runIndicator(module, sample.indicators[id as keyof typeof sample.indicators], decimalArithmetic, { variant });
      } catch (e) {
        if (e instanceof GepInputError) return undefined; // the sample does not carry the inputs of every variant
        throw e;
      }
    })();
    if (!run) return;
    for (const s of [...run.quantity.steps, ...run.value.steps]) expect(s.zh?.name, `${id}: step "${s.name}"`).toBeTruthy();
    for (const w of [...run.quantity.warnings, ...run.value.warnings]) expect(w.zh, `${id}: warning ${w.code}`).toBeTruthy();
  });
});

describe('profiles', () => {
  it.each(listProfiles().map((p) => [p.id, p] as const))('%s names catalogue indicators and valid variant options', (_, profile) => {
    const seen = new Set<string>();
    for (const p of profile.indicators) {
      expect(catalogue().has(p.id), `${p.id} not in catalogue`).toBe(true);
      expect(seen.has(p.id), `${p.id} listed twice`).toBe(false);
      seen.add(p.id);
      const module = INDICATORS.get(p.id);
      if (!module) continue;
      for (const [name, option] of Object.entries(p.variant)) {
        const variant = module.spec.variants.find((v) => v.name === name);
        expect(variant, `${profile.id}: ${p.id} has no variant ${name}`).toBeDefined();
        expect(Object.keys(variant!.options)).toContain(option);
      }
    }
    expect(coefficientTables().has(profile.coefficientTable)).toBe(true);
  });

  it('units of catalogue entries are money-valued and physically meaningful', () => {
    for (const e of catalogue().values()) {
      expect(isKnownUnit(e.physicalUnit), e.id).toBe(true);
      expect(sameDimensionUnits(e.valueUnit, '元')).toBe(true);
    }
  });
});

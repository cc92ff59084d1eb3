/**
 * Input text quoted on the terminal by the CLI outside the account report (issue 13): the issue
 * lines of the application verbs, `gep compare` and `gep reproduce`, and the names of a profile's
 * local indicators in `gep indicators`. Each is shown on one line with its control and bidi
 * characters as U+FFFD (`terminalLine`), as `gep run` already showed its issues.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, sampleNamed } from '../helpers/cli.js';
import { expectTerminalSafe, HOSTILE } from '../io/hostile-text.js';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('issue lines quoting a hostile unit', () => {
  it('of an application verb', () => {
    const file = 'fixtures/applications/project-mine-restoration.json';
    const project = read(file);
    project.area.extent[0].area.unit = HOSTILE;
    const r = cli(['project', file], { [file]: JSON.stringify(project) });
    expect(r.code).toBe(1);
    expectTerminalSafe(r.stderr);
  });

  it('of gep compare', () => {
    const b = JSON.parse(sampleNamed('b'));
    b.indicators['material.agriculture'].products[0].quantity.unit = HOSTILE;
    const r = cli(['compare', 'fixtures/sample-county/input.json', 'b.json'], { 'b.json': JSON.stringify(b) });
    expect(r.code).toBe(1);
    expectTerminalSafe(r.stderr);
  });

  it('of gep reproduce', () => {
    const c = {
      id: 'toy',
      citation: { authors: 'A', title: 'T', year: 2024 },
      region: 'R',
      accountingYear: 2020,
      priceYear: 2020,
      rows: [{ id: 'a', label: 'a', printed: { value: '1', unit: HOSTILE }, notReproducible: 'x' }],
    };
    const r = cli(['reproduce', 'case.json'], { 'case.json': JSON.stringify(c) });
    expect(r.code).toBe(1);
    expectTerminalSafe(r.stderr);
  });
});

describe('gep indicators --profile FILE', () => {
  it('lists a local indicator with a hostile name on one line, without its control and bidi characters', () => {
    const file = 'fixtures/local-indicator/profile.json';
    const profile = read(file);
    profile.localIndicators['material.local.under-forest-fungi'].en = HOSTILE;
    const r = cli(['indicators', '--profile', file], { [file]: JSON.stringify(profile) });
    expect(r.code, r.stderr).toBe(0);
    expectTerminalSafe(r.stdout);
  });
});

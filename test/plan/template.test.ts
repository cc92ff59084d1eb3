import { describe, expect, it } from 'vitest';
import { fillBytes, fillString, jsonEscape, parseString, type RowValues } from '../../src/plan/template.js';
import { HOLE_CLOSE, HOLE_OPEN, SLOT_CLOSE, SLOT_OPEN } from '../../src/plan/tape.js';

/** A row whose node i has the text `texts[i]` and whose slot k the text `slots[k]`. */
const rowOf = (texts: string[], slots: string[]): RowValues<unknown> => ({
  value: (i) => texts[i],
  text: (i) => texts[i]!,
  slotText: (k) => slots[k]!,
  slotNumber: (k) => Number(slots[k]),
});

const node = (i: number) => `${HOLE_OPEN}${i}${HOLE_CLOSE}`;
const display = (i: number) => `${HOLE_OPEN}~${i}${HOLE_CLOSE}`;
const slot = (k: number) => `${SLOT_OPEN}${k}${SLOT_CLOSE}`;

describe('fillBytes', () => {
  // The bytes must be fillString's text in UTF-8, whichever holes are ASCII: numbers always are,
  // slot texts (a region's name) and display texts (≈, 3 bytes) may not be.
  const template = parseString(`{"name": "${slot(0)}", "a": ${node(0)}, "b": ${node(1)}, "note": "a = ${display(2)} 万元"}`, (body) =>
    Number(body),
  );
  const cases: [string, string[], string[]][] = [
    ['every hole ASCII', ['12.5', '-0.001', '7'], ['county 1']],
    ['a Chinese name', ['12.5', '-0.001', '7'], ['示例县']],
    ['a name with a quote and a character outside the BMP', ['1', '2', '3'], ['示例县 "1" 𠀋']],
    ['a display text of more than ten digits (≈)', ['1', '2', '1234567890.123'], ['county 1']],
    ['an empty name', ['0', '0', '0'], ['']],
  ];
  for (const [what, texts, slots] of cases)
    it(`writes fillString's text as UTF-8: ${what}`, () => {
      const row = rowOf(texts, slots);
      const bytes = fillBytes(template, row, jsonEscape, '\n');
      expect(new TextDecoder().decode(bytes)).toBe(`${fillString(template, row, jsonEscape)}\n`);
      expect(bytes.length).toBe(Buffer.byteLength(`${fillString(template, row, jsonEscape)}\n`));
    });

  it('holds the display text: ≈ and ten significant digits', () => {
    const text = new TextDecoder().decode(fillBytes(template, rowOf(['1', '2', '1234567890.123'], ['x']), jsonEscape));
    expect(text).toContain('"note": "a = ≈ 1234567890 万元"');
  });
});

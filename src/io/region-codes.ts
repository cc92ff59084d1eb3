/**
 * GB/T 2260 administrative division codes (行政区划代码), for checking `region.code` of an
 * account. Six digits: province (xx0000), prefecture (xxxx00), county (anything else). The list
 * is generated from a maintained package (see REGION_CODES_SOURCE); a code abolished before the
 * list's date (e.g. a county merged into a district) is not in it.
 */
import { REGION_CODES, REGION_CODES_SOURCE } from './generated/region-codes.js';

export { REGION_CODES_SOURCE };

let codes: ReadonlyMap<string, string> | undefined;

/** Code → name of every unit in the list. */
export function regionCodes(): ReadonlyMap<string, string> {
  codes ??= new Map(REGION_CODES.split('\n').map((l) => [l.slice(0, 6), l.slice(6)]));
  return codes;
}

/** Level of a division code by its shape. */
export function levelOfCode(code: string): 'province' | 'city' | 'county' {
  return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';
}

/**
 * Check a region code against the list and the region's level. Returns `null` when it is fine,
 * otherwise what was expected (for the issue).
 */
export function checkRegionCode(code: string, level: 'county' | 'city' | 'province' | 'area'): string | null {
  const known = regionCodes().has(code);
  if (level === 'area') return known ? null : 'a code in the GB/T 2260 list';
  if (!known || levelOfCode(code) !== level) return `a ${level}-level code in the GB/T 2260 list`;
  return null;
}

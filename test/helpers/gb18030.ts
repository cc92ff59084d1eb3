/**
 * Encode text as GB18030 for tests (Node's TextEncoder writes UTF-8 only): ASCII as it is, every
 * other character by its two-byte code, found by decoding every two-byte code once.
 */
let table: Map<string, [number, number]> | undefined;

export function gb18030(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const c = dec.decode(new Uint8Array([hi, lo]));
        if (c.length === 1 && !table.has(c)) table.set(c, [hi, lo]);
      }
    }
  }
  return new Uint8Array(
    [...text].flatMap((c) => {
      if (c.charCodeAt(0) <= 0x7f) return [c.charCodeAt(0)];
      const code = table!.get(c);
      if (!code) throw new Error(`no GB18030 two-byte code for ${c}`);
      return code;
    }),
  );
}

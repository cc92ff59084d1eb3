/**
 * A guard run on a workbook's ZIP container before SheetJS opens it (ZIP 炸弹防护). SheetJS
 * inflates every part of the archive up front and trusts the sizes the archive declares; a
 * crafted file can declare small sizes and inflate to gigabytes, declare huge sizes, or hold a
 * deflate stream that never ends. Here every entry is walked the way SheetJS walks it (end of
 * central directory → central directory → local header), and its deflate stream is decoded
 * without keeping the output, only counting it (after puff.c, RFC 1951), stopping as soon as the
 * total passes the limit. Time is linear in the file; memory is constant.
 */

/** Why a container is refused: too large once inflated, or not a well-formed ZIP. */
export type ZipRefusal = { readonly kind: 'too-large'; readonly size: number } | { readonly kind: 'malformed'; readonly reason: string };

class Refused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.kind === 'malformed' ? refusal.reason : `inflates to more than ${refusal.size} bytes`);
  }
}

const malformed = (reason: string) => new Refused({ kind: 'malformed', reason });

// --- Deflate (RFC 1951), counting only ---------------------------------------------------------

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385,
  24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huffman {
  readonly counts: Uint16Array;
  readonly symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++;
  let left = 1;
  for (let len = 1; len < 16; len++) {
    left = (left << 1) - counts[len]!;
    if (left < 0) throw malformed('a deflate stream has an over-subscribed code');
  }
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = offsets[len]! + counts[len]!;
  const symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbols[offsets[lengths[s]!]!++] = s;
  return { counts, symbols };
}

const FIXED_LIT = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DIST = huffman(new Array<number>(30).fill(5));

/**
 * The number of bytes a raw deflate stream starting at `start` inflates to; throws when it
 * passes `limit`, is malformed, or runs past the end of `bytes`.
 */
export function inflatedSize(bytes: Uint8Array, start: number, limit: number): number {
  let pos = start; // byte position
  let bitBuf = 0;
  let bitCnt = 0;
  let out = 0;
  const bits = (n: number): number => {
    while (bitCnt < n) {
      if (pos >= bytes.length) throw malformed('a deflate stream runs past the end of the file');
      bitBuf |= bytes[pos++]! << bitCnt;
      bitCnt += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };
  const decode = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.counts[len]!;
      if (code - first < count) return h.symbols[index + code - first]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw malformed('a deflate stream holds an invalid code');
  };
  const grow = (n: number) => {
    out += n;
    if (out > limit) throw new Refused({ kind: 'too-large', size: limit });
  };
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0;
      bitCnt = 0;
      if (pos + 4 > bytes.length) throw malformed('a deflate stream runs past the end of the file');
      const len = bytes[pos]! | (bytes[pos + 1]! << 8);
      const nlen = bytes[pos + 2]! | (bytes[pos + 3]! << 8);
      if (len !== (~nlen & 0xffff)) throw malformed('a stored deflate block has a bad length');
      pos += 4 + len;
      if (pos > bytes.length) throw malformed('a deflate stream runs past the end of the file');
      grow(len);
      continue;
    }
    let lit = FIXED_LIT;
    let dist = FIXED_DIST;
    if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      if (nlen > 286 || ndist > 30) throw malformed('a deflate block has too many codes');
      const lengths = new Uint8Array(320);
      for (let i = 0; i < ncode; i++) lengths[CLEN_ORDER[i]!] = bits(3);
      const lencode = huffman(lengths.subarray(0, 19));
      lengths.fill(0);
      for (let i = 0; i < nlen + ndist; ) {
        const sym = decode(lencode);
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let repeat: number;
        let value = 0;
        if (sym === 16) {
          if (i === 0) throw malformed('a deflate block repeats a length before the first');
          value = lengths[i - 1]!;
          repeat = 3 + bits(2);
        } else if (sym === 17) repeat = 3 + bits(3);
        else repeat = 11 + bits(7);
        if (i + repeat > nlen + ndist) throw malformed('a deflate block has too many lengths');
        while (repeat--) lengths[i++] = value;
      }
      if (lengths[256] === 0) throw malformed('a deflate block has no end-of-block code');
      lit = huffman(lengths.subarray(0, nlen));
      dist = huffman(lengths.subarray(nlen, nlen + ndist));
    } else if (type !== 1) {
      throw malformed('a deflate block has an invalid type');
    }
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) grow(1);
      else if (sym === 256) break;
      else {
        const l = sym - 257;
        if (l >= 29) throw malformed('a deflate stream holds an invalid length code');
        const length = LEN_BASE[l]! + bits(LEN_EXTRA[l]!);
        const d = decode(dist);
        if (d >= 30) throw malformed('a deflate stream holds an invalid distance code');
        if (DIST_BASE[d]! + bits(DIST_EXTRA[d]!) > out) throw malformed('a deflate stream refers back before its start');
        grow(length);
      }
    }
  }
  return out;
}

// --- ZIP container -----------------------------------------------------------------------------

const u16 = (b: Uint8Array, p: number) => {
  if (p + 2 > b.length) throw malformed('the ZIP directory runs past the end of the file');
  return b[p]! | (b[p + 1]! << 8);
};
const u32 = (b: Uint8Array, p: number) => {
  if (p + 4 > b.length) throw malformed('the ZIP directory runs past the end of the file');
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
};
const u64 = (b: Uint8Array, p: number) => u32(b, p) + u32(b, p + 4) * 2 ** 32;

/** The largest size a ZIP64 extra field declares (0 when there is none). */
function zip64Size(b: Uint8Array, start: number, length: number): number {
  let max = 0;
  for (let p = start; p + 4 <= start + length; ) {
    const type = u16(b, p);
    const size = u16(b, p + 2);
    if (type === 0x0001) for (let q = p + 4; q + 8 <= Math.min(p + 4 + size, b.length); q += 8) max = Math.max(max, u64(b, q));
    p += 4 + size;
  }
  return max;
}

/**
 * Check a ZIP container the way SheetJS reads it: every entry of the central directory, its local
 * header, and the inflated size of its data, declared and real. Returns the total inflated size,
 * or why the container is refused.
 */
export function checkZip(
  bytes: Uint8Array,
  limit: number,
): { readonly ok: true; readonly size: number } | { readonly ok: false; readonly refusal: ZipRefusal } {
  try {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
      throw malformed('not a ZIP container (an .xlsx file starts with "PK\\x03\\x04")');
    // End of central directory: searched backwards, as SheetJS does.
    let eocd = bytes.length - 4;
    while (eocd >= 0 && !(bytes[eocd] === 0x50 && bytes[eocd + 1] === 0x4b && bytes[eocd + 2] === 0x05 && bytes[eocd + 3] === 0x06)) eocd--;
    if (eocd < 0) throw malformed('no ZIP end-of-central-directory record');
    const entries = u16(bytes, eocd + 8);
    let p = u32(bytes, eocd + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (u32(bytes, p) !== 0x02014b50) throw malformed('a ZIP central directory entry has a bad signature');
      const cdUsz = u32(bytes, p + 24);
      const nameLen = u16(bytes, p + 28);
      const extraLen = u16(bytes, p + 30);
      const commentLen = u16(bytes, p + 32);
      const offset = u32(bytes, p + 42);
      const cdZip64 = zip64Size(bytes, p + 46 + nameLen, extraLen);
      p += 46 + nameLen + extraLen + commentLen;

      if (u32(bytes, offset) !== 0x04034b50) throw malformed('a ZIP entry has a bad local header');
      const method = u16(bytes, offset + 8);
      const csz = u32(bytes, offset + 18);
      const usz = u32(bytes, offset + 22);
      const localName = u16(bytes, offset + 26);
      const localExtra = u16(bytes, offset + 28);
      const localZip64 = zip64Size(bytes, offset + 30 + localName, localExtra);
      const data = offset + 30 + localName + localExtra;
      const declared = Math.max(cdUsz, usz, cdZip64, localZip64);
      if (total + declared > limit) throw new Refused({ kind: 'too-large', size: limit });
      let real: number;
      if (method === 8) real = inflatedSize(bytes, data, limit - total);
      else if (method === 0) {
        real = csz;
        if (data + csz > bytes.length) throw malformed('a stored ZIP entry runs past the end of the file');
      } else throw malformed(`a ZIP entry uses compression method ${method}`);
      total += Math.max(declared, real);
      if (total > limit) throw new Refused({ kind: 'too-large', size: limit });
    }
    return { ok: true, size: total };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

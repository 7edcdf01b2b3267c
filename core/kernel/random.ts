/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32) so that a seed fixes every id and choice.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
  }

  /** A 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  hex(length: number): string {
    const codes: number[] = [];
    while (codes.length < length) {
      const word = this.nextUint32();
      for (let shift = 28; shift >= 0 && codes.length < length; shift -= 4) codes.push(HEX_CODES[(word >>> shift) & 0xf]);
    }
    return String.fromCharCode(...codes);
  }

  digits(length: number): string {
    let out = String(1 + this.int(9));
    while (out.length < length) out += String(this.int(10));
    return out;
  }

  /** A version 4 UUID (see uuidOfWords). */
  uuid(): string {
    return uuidOfWords(this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32());
  }
}

/**
 * A version 4 UUID from 128 random bits, as four 32-bit words: 32 hex digits, the 13th set to 4 (version) and
 * the 17th to 8-b (variant).
 */
export function uuidOfWords(...words: [number, number, number, number]): string {
  for (let w = 0; w < 4; w++) {
    const word = words[w];
    for (let i = 0; i < 8; i++) {
      const d = w * 8 + i;
      const n = (word >>> (28 - 4 * i)) & 0xf;
      UUID_CODES[d + (d >= 8 ? 1 : 0) + (d >= 12 ? 1 : 0) + (d >= 16 ? 1 : 0) + (d >= 20 ? 1 : 0)] = HEX_CODES[d === 12 ? 4 : d === 16 ? (n & 0x3) | 0x8 : n];
    }
  }
  return String.fromCharCode(...UUID_CODES);
}

// Ids are built from character codes so that each is one flat string rather than a chain of joined pieces.
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** A uuid's characters, hyphens in place; rewritten by each call. */
const UUID_CODES = Array.from('00000000-0000-0000-0000-000000000000', (c) => c.charCodeAt(0));

import { uuidOfWords, type Random } from './random.js';

/**
 * UUIDs whose random bits are drawn now, so that the seeded sequence is the same whether or not they are
 * read, and written out only when read: a large run draws an id for each of hundreds of thousands of events
 * that nobody looks at, and keeping 16 bytes here costs far less than keeping a 36-character string each.
 */
export class UuidStore {
  private words = new Uint32Array(4096);
  private count = 0;

  constructor(private readonly random: Random) {}

  /** Draws a UUID's bits; returns the number to read it back by. */
  draw(): number {
    if (4 * (this.count + 1) > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    const at = 4 * this.count;
    for (let i = 0; i < 4; i++) this.words[at + i] = this.random.nextUint32();
    return this.count++;
  }

  /** The UUID drawn as `index`. */
  format(index: number): string {
    const at = 4 * index;
    return uuidOfWords(this.words[at], this.words[at + 1], this.words[at + 2], this.words[at + 3]);
  }
}

/**
 * JSON.parse with positions. Engines word JSON.parse errors differently and not all give a position, so this
 * small parser says "line 3, column 5" in plain words everywhere, and remembers where every property and list
 * item starts, so that an error about a field (`deploymentConfiguration.maximumPercent`) can point at it.
 */

/** 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
}

export type JsonParse =
  | { ok: true; value: unknown; positions: ReadonlyMap<string, TextPosition> }
  | { ok: false; error: JsonSyntaxError };

/** Paths name fields as ECS error messages do: `deploymentConfiguration.maximumPercent`, `placementStrategy[0].type`. */
export function parseJson(text: string): JsonParse {
  const parser = new Parser(text);
  try {
    return { ok: true, value: parser.document(), positions: parser.positions };
  } catch (error) {
    if (error instanceof JsonSyntaxFailure) return { ok: false, error: { ...positionAt(text, error.index), message: error.message } };
    throw error;
  }
}

export function positionAt(text: string, index: number): TextPosition {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

class JsonSyntaxFailure extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  private i = 0;
  readonly positions = new Map<string, TextPosition>();

  constructor(private readonly text: string) {
    if (text.startsWith('\uFEFF')) this.i = 1;
  }

  document(): unknown {
    this.skipSpace();
    const value = this.value('');
    this.skipSpace();
    if (this.i < this.text.length) this.fail(`Unexpected ${this.describeHere()} after the end of the JSON value.`);
    return value;
  }

  private value(path: string): unknown {
    const c = this.text[this.i];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const word = /[A-Za-z]+/y;
    word.lastIndex = this.i;
    const literal = word.exec(this.text)?.[0];
    if (literal !== undefined && literal in LITERALS) {
      this.i += literal.length;
      return LITERALS[literal];
    }
    if (literal !== undefined) this.fail(`Expected a value, found ${literal}: text must be in double quotes ("${literal}").`);
    return this.unexpected('a value');
  }

  private object(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (let comma = -1; ; ) {
      if (this.text[this.i] === '}') this.fail('A comma before "}" is not allowed in JSON: remove it.', comma);
      if (this.text[this.i] !== '"') this.unexpected('a property name in double quotes');
      const keyStart = this.i;
      const key = this.string();
      if (Object.hasOwn(out, key)) this.fail(`"${key}" appears twice in the same object.`, keyStart);
      const keyPath = path ? `${path}.${key}` : key;
      this.positions.set(keyPath, positionAt(this.text, keyStart));
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail(`Expected ':' after "${key}", found ${this.describeHere()}.`);
      this.i++;
      this.skipSpace();
      out[key] = this.value(keyPath);
      const valueEnd = this.i;
      this.skipSpace();
      if (this.text[this.i] === ',') {
        comma = this.i++;
        this.skipSpace();
        continue;
      }
      if (this.text[this.i] === '}') {
        this.i++;
        return out;
      }
      // The usual slip is a missing comma at the end of a line: point there, not at the next property.
      if (this.text[this.i] === '"') this.fail(`Missing ',' after the value of "${key}".`, valueEnd);
      this.fail(`Expected ',' or '}' after the value of "${key}", found ${this.describeHere()}.`);
    }
  }

  private array(path: string): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (let comma = -1; ; ) {
      if (this.text[this.i] === ']') this.fail('A comma before "]" is not allowed in JSON: remove it.', comma);
      const itemPath = `${path}[${out.length}]`;
      this.positions.set(itemPath, positionAt(this.text, this.i));
      out.push(this.value(itemPath));
      const valueEnd = this.i;
      this.skipSpace();
      if (this.text[this.i] === ',') {
        comma = this.i++;
        this.skipSpace();
        continue;
      }
      if (this.text[this.i] === ']') {
        this.i++;
        return out;
      }
      if (this.text[this.i] === '{' || this.text[this.i] === '"') this.fail(`Missing ',' after item ${out.length} of the list.`, valueEnd);
      this.fail(`Expected ',' or ']' after item ${out.length} of the list, found ${this.describeHere()}.`);
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let out = '';
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('This string is never closed: add the closing ".', start);
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c < ' ') this.fail('A string cannot hold a line break or a tab: close it with " first (or write \\n, \\t).', start);
      if (c === '\\') {
        const escaped = this.text[this.i + 1];
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(this.text.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
          continue;
        }
        if (escaped === undefined || !(escaped in ESCAPES)) this.fail(`"\\${escaped ?? ''}" is not a JSON escape; write "\\\\" for a backslash.`);
        out += ESCAPES[escaped];
        this.i += 2;
        continue;
      }
      out += c;
      this.i++;
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail(`Expected a number, found ${this.describeHere()}.`);
    this.i += match[0].length;
    return Number(match[0]);
  }

  private skipSpace(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i])) this.i++;
  }

  /** The two slips from JavaScript habits get their own words. */
  private unexpected(expected: string): never {
    const c = this.text[this.i];
    if (c === "'") this.fail('JSON strings use double quotes ("), not single quotes.');
    if (c === '/') this.fail('JSON does not allow comments.');
    return this.fail(`Expected ${expected}, found ${this.describeHere()}.`);
  }

  private describeHere(): string {
    const c = this.text[this.i];
    return c === undefined ? 'the end of the file' : `'${c}'`;
  }

  private fail(message: string, index = this.i): never {
    throw new JsonSyntaxFailure(message, index);
  }
}

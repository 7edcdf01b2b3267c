import { expressionError } from './expression-error.js';

/**
 * Bare words are left as words ("and", "in", "exists" ...): whether one is a keyword, an operator or a value
 * depends on where it stands, which only the parser knows. `&&`, `||` and a lone `!` are always combinators.
 */
export type TokenKind = 'word' | 'string' | 'operator' | 'and' | 'or' | 'not' | '(' | ')' | '[' | ']' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  /** The word, the symbol, or a quoted value without its quotes. */
  text: string;
  /** Offsets in the expression, 0-based, end exclusive. */
  start: number;
  end: number;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', ',']);
const TWO_CHARACTER_OPERATORS = new Set(['==', '!=', '>=', '<=', '=~', '!~']);
/**
 * A bare word runs until one of these (or `&&`, `||`). So regular expressions with parentheses, brackets,
 * spaces or `=!<>` must be quoted; `t2.*` and `t2.*|t3.*` need not be.
 */
const WORD_END = /[\s()[\],'"=!<>]/;

export function tokenize(source: string, field: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, text = source.slice(start, end)) => {
    tokens.push({ kind, text, start, end });
    return end;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const two = source.slice(i, i + 2);
    if (/\s/.test(c)) i++;
    else if (PUNCTUATION.has(c)) i = push(c as TokenKind, i, i + 1);
    else if (c === "'" || c === '"') {
      const close = source.indexOf(c, i + 1);
      if (close < 0) throw expressionError(source, i, `this quoted value has no closing ${c}`, field);
      i = push('string', i, close + 1, source.slice(i + 1, close));
    } else if (two === '&&') i = push('and', i, i + 2);
    else if (two === '||') i = push('or', i, i + 2);
    else if (TWO_CHARACTER_OPERATORS.has(two)) i = push('operator', i, i + 2);
    else if (c === '<' || c === '>') i = push('operator', i, i + 1);
    else if (c === '!') {
      const negatedWord = ['!exists', '!in'].find((op) => source.startsWith(op, i) && wordEndsAt(source, i + op.length));
      i = negatedWord ? push('operator', i, i + negatedWord.length) : push('not', i, i + 1);
    } else if (c === '=') throw expressionError(source, i, "a single '=' is not an operator; use == or =~", field);
    else {
      let end = i + 1;
      while (!wordEndsAt(source, end)) end++;
      i = push('word', i, end);
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}

function wordEndsAt(source: string, i: number): boolean {
  return i >= source.length || WORD_END.test(source[i]) || source.startsWith('&&', i) || source.startsWith('||', i);
}

/**
 * `=~` arguments are Java regular expressions (java.util.regex.Pattern) that must match the whole value
 * (Matcher.matches). This turns one into a JavaScript RegExp: Java spellings JavaScript lacks are rewritten,
 * constructs with no JavaScript equivalent are refused with the offset of the offending character.
 */
export type TranslatedPattern = { ok: true; regex: RegExp } | { ok: false; message: string; offset: number };

/** POSIX classes (\p{Lower}, ...) as the contents of a JavaScript character class. */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};
/** Java 8's horizontal (\h) and vertical (\v) whitespace; JavaScript's \v is only the vertical tab. */
const SPACE_CLASSES: Record<string, string> = {
  h: ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000',
  v: '\\n\\x0B\\f\\r\\x85\\u2028\\u2029',
};

/** Escapes that mean something else (or nothing) in JavaScript; the anchors only outside a class. */
const CHARACTER_ESCAPES: Record<string, string> = { e: '\\x1B', a: '\\x07' };
const ANCHOR_ESCAPES: Record<string, string> = {
  A: '(?<![\\s\\S])',
  z: '(?![\\s\\S])',
  Z: '(?=(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])?(?![\\s\\S]))',
  R: '(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])',
};
const UNSUPPORTED_ESCAPES: Record<string, string> = {
  G: '\\G (end of the previous match) means nothing for a single value',
  X: '\\X (grapheme cluster) has no JavaScript equivalent',
};
const FLAGS: Record<string, string> = { i: 'i', m: 'm', s: 's' };
const QUANTIFIER_BRACES = /^\{\d+(,\d*)?\}/;

export function javaPatternToRegExp(pattern: string): TranslatedPattern {
  const refuse = (message: string, offset: number): TranslatedPattern => ({ ok: false, message, offset });
  let flags = '';
  let i = 0;
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (leading) {
    for (const [k, letter] of [...leading[1]].entries()) {
      if (!FLAGS[letter]) return refuse(`the inline flag '${letter}' is not supported (only i, m and s)`, 2 + k);
      if (!flags.includes(FLAGS[letter])) flags += FLAGS[letter];
    }
    i = leading[0].length;
  }
  let out = '';
  let classStart = -1;
  // After a quantifier, '+' would make it possessive and '?' lazy.
  let afterQuantifier = false;
  while (i < pattern.length) {
    const c = pattern[i];
    const inClass = classStart >= 0;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return refuse('the pattern ends with a lone backslash', i);
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        out += escapeLiteral(pattern.slice(i + 2, end < 0 ? pattern.length : end));
        i = end < 0 ? pattern.length : end + 2;
      } else if ('pPhHvV'.includes(next)) {
        const named = namedClass(pattern, i);
        if ('message' in named) return refuse(named.message, i);
        if (inClass && named.negated) return refuse(`a negated class escape such as \\${next} cannot be used inside [...]`, i);
        out += inClass ? named.contents : `[${named.negated ? '^' : ''}${named.contents}]`;
        i += named.length;
      } else if (UNSUPPORTED_ESCAPES[next]) {
        return refuse(UNSUPPORTED_ESCAPES[next], i);
      } else if (!inClass && ANCHOR_ESCAPES[next]) {
        out += ANCHOR_ESCAPES[next];
        i += 2;
      } else {
        out += CHARACTER_ESCAPES[next] ?? c + next;
        i += 2;
      }
      afterQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === '[') return refuse('nested character classes such as [a-z[0-9]] are not supported; list the characters in one class', i);
      if (c === '&' && pattern[i + 1] === '&') return refuse('character class intersections (&&) are not supported', i);
      // Java reads a ']' right after '[' or '[^' as a literal; JavaScript would close an empty class.
      const first = i === classStart + 1 || (i === classStart + 2 && pattern[classStart + 1] === '^');
      if (c === ']' && first) out += '\\]';
      else out += c;
      if (c === ']' && !first) classStart = -1;
      i++;
      continue;
    }
    if (c === '+' && afterQuantifier) return refuse('possessive quantifiers such as .*+ are not supported; drop the extra +', i);
    if (c === '(' && pattern[i + 1] === '?') {
      const kind = pattern[i + 2];
      if (kind === '>') return refuse('atomic groups (?>...) are not supported', i);
      if (/[a-zA-Z-]/.test(kind ?? '')) return refuse('inline flags such as (?i) are only supported at the very start', i);
      out += '(?';
      i += 2;
      afterQuantifier = false;
      continue;
    }
    const braces = c === '{' ? QUANTIFIER_BRACES.exec(pattern.slice(i)) : null;
    const token = braces ? braces[0] : c;
    const quantifies: boolean = braces !== null || c === '*' || c === '+' || (c === '?' && !afterQuantifier);
    if (c === '[') classStart = i;
    out += token;
    i += token.length;
    afterQuantifier = quantifies;
  }
  if (classStart >= 0) return refuse('this [ is never closed', classStart);
  try {
    return { ok: true, regex: new RegExp(`^(?:${out})$`, flags) };
  } catch (error) {
    // V8 says "Invalid regular expression: /<source>/<flags>: <reason>"; the reason is what helps.
    return refuse(`invalid regular expression: ${String((error as Error).message).split(': ').pop()}`, 0);
  }
}

function namedClass(pattern: string, at: number): { contents: string; negated: boolean; length: number } | { message: string } {
  const letter = pattern[at + 1];
  const negated = letter === letter.toUpperCase();
  if (letter === 'h' || letter === 'H' || letter === 'v' || letter === 'V') {
    return { contents: SPACE_CLASSES[letter.toLowerCase()], negated, length: 2 };
  }
  const braced = /^\{(\w+)\}/.exec(pattern.slice(at + 2));
  const name = braced ? braced[1] : (pattern[at + 2] ?? '');
  const contents = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
  if (!contents) {
    return { message: `\\${letter}{${name}} is not supported; use a POSIX class (Lower, Upper, Alpha, Digit, Alnum, Punct, Space, ...) or a character class` };
  }
  return { contents, negated, length: 2 + (braced ? braced[0].length : 1) };
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

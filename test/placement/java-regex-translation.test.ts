import { describe, expect, it } from 'vitest';
import { javaPatternToRegExp } from '../../core/ecs/placement/query-language/java-regex.js';

function regex(pattern: string): RegExp {
  const translated = javaPatternToRegExp(pattern);
  if (!translated.ok) throw new Error(translated.message);
  return translated.regex;
}

describe('Java patterns as JavaScript regular expressions', () => {
  it('matches the whole value, like Matcher.matches()', () => {
    expect(regex('t2.*').test('t2.micro')).toBe(true);
    expect(regex('t2').test('t2.micro')).toBe(false);
    expect(regex('a|b').test('ab')).toBe(false);
    expect(regex('a|b').test('b')).toBe(true);
  });

  it('takes leading inline flags', () => {
    expect(regex('(?i)T2\\.MICRO').test('t2.micro')).toBe(true);
    expect(regex('(?s)a.b').test('a\nb')).toBe(true);
  });

  it('quotes \\Q...\\E literally', () => {
    expect(regex('\\Qt2.micro\\E').test('t2.micro')).toBe(true);
    expect(regex('\\Qt2.micro\\E').test('t2xmicro')).toBe(false);
    expect(regex('[\\Q]-\\E]+').test('-]')).toBe(true);
  });

  it('knows POSIX classes, \\h and a leading ] in a class', () => {
    expect(regex('\\p{Lower}+\\p{Digit}').test('t2')).toBe(true);
    expect(regex('[\\p{Upper}_]+').test('A_B')).toBe(true);
    expect(regex('\\P{Digit}+').test('abc')).toBe(true);
    expect(regex('a\\hb').test('a\tb')).toBe(true);
    expect(regex('[]a]+').test(']a]')).toBe(true);
    expect(regex('[^]a]').test('b')).toBe(true);
  });

  it('keeps Java anchors zero-width: matches() still needs the whole value consumed', () => {
    expect(regex('\\At2.*\\z').test('t2.micro')).toBe(true);
    expect(regex('t2\\Z').test('t2')).toBe(true);
    expect(regex('t2\\Z').test('t2\n')).toBe(false);
    expect(regex('t2\\Z\\n').test('t2\n')).toBe(true);
  });

  it('keeps lazy quantifiers, counted repetition and lookarounds', () => {
    expect(regex('t.*?o').test('t2.micro')).toBe(true);
    expect(regex('m5\\.\\d{1,2}xlarge').test('m5.12xlarge')).toBe(true);
    expect(regex('(?!t2).*').test('m5.large')).toBe(true);
    expect(regex('(?<zone>us-east-1)[a-f]').test('us-east-1c')).toBe(true);
  });

  it.each([
    ['a*+', 2, 'possessive'],
    ['a{2}+', 4, 'possessive'],
    ['(?>a)', 0, 'atomic'],
    ['a(?i)b', 1, 'inline flags'],
    ['(?x)a', 2, "inline flag 'x'"],
    ['[a-z&&[^e]]', 4, 'intersections'],
    ['[a[b]]', 2, 'nested character classes'],
    ['\\p{L}', 0, 'not supported'],
    ['a\\G', 1, '\\G'],
    ['[abc', 0, 'never closed'],
    ['abc\\', 3, 'lone backslash'],
  ])('refuses %s at offset %i', (pattern, offset, message) => {
    const translated = javaPatternToRegExp(pattern);
    expect(translated).toMatchObject({ ok: false, offset });
    expect(translated.ok ? '' : translated.message).toContain(message);
  });
});

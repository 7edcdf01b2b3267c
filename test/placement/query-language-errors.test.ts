import { describe, expect, it } from 'vitest';
import { EcsError } from '../../core/kernel/errors.js';
import { parseExpression } from '../../core/ecs/placement/query-language/parse-expression.js';

/** The error a bad expression raises, split into its three lines. */
function errorFor(expression: string, field = 'placementConstraints[0].expression') {
  try {
    parseExpression(expression, field);
  } catch (error) {
    if (!(error instanceof EcsError)) throw error;
    const [headline, shown, caret] = error.message.split('\n');
    const position = Number(/at position (\d+):/.exec(headline)?.[1]);
    return { error, headline, shown, caret, position };
  }
  throw new Error(`expected "${expression}" to be rejected`);
}

describe('memberOf expression errors point at the offending character', () => {
  it('a missing value: after the operator', () => {
    const e = errorFor('attribute:ecs.instance-type ==');
    expect(e.headline).toBe("memberOf expression is invalid at position 31: expected a value after '=='");
    expect(e.shown).toBe('attribute:ecs.instance-type ==');
    expect(e.caret).toBe(`${' '.repeat(30)}^`);
    expect(e.error.name).toBe('InvalidParameterException');
    expect(e.error.field).toBe('placementConstraints[0].expression');
  });

  it.each([
    // [expression, position, words the problem mentions]
    ['attribute:ecs.instance-type = t2.micro', 29, "a single '=' is not an operator"],
    ['ecs.instance-type == t2.micro', 1, 'did you mean attribute:ecs.instance-type?'],
    ['ec2instanceid == i-1', 1, 'did you mean ec2InstanceId?'],
    ['attribute:ecs.availability-zone in us-east-1a', 36, 'expected a list such as [a, b]'],
    ['attribute:ecs.availability-zone in [us-east-1a us-east-1b]', 48, "expected ',' or ']' in the list opened at position 36"],
    ['attribute:ecs.availability-zone in []', 37, 'expected a value in the list'],
    ['(attribute:a == 1 or attribute:b == 2', 38, "expected ')' to close the '(' at position 1"],
    ['attribute:a == 1)', 17, "this ')' has no matching '('"],
    ['attribute:a == 1 attribute:b == 2', 18, "expected 'and', 'or' or the end of the expression, found 'attribute:b'"],
    ["attribute:a == 'unterminated", 16, "this quoted value has no closing '"],
    ['runningTasksCount == two', 22, 'expected a whole number'],
    ['agentVersion < latest', 16, 'expected an agent version such as 1.14.5'],
    ['registeredAt < 2018-02-30', 16, 'expected a date such as 2018-02-13'],
    ['ec2InstanceId > i-1', 15, "'>' cannot be used with ec2InstanceId; use ==, !=, in, !in, =~, !~"],
    ['task:group < x', 12, "'<' cannot be used with task:group"],
    ['attribute:stack ~= prod', 18, "a single '=' is not an operator; use == or =~"],
    ['attribute:stack is prod', 17, "expected an operator such as ==, !=, in, =~ or exists after 'attribute:stack', found 'is'"],
    ['attribute:ecs.instance-type =~ (t2|t3).*', 32, 'quote a regular expression that has parentheses or brackets'],
    ['attribute:a == 1 and', 21, 'expected a subject such as attribute:ecs.instance-type, found the end of the expression'],
    ['attribute:a == and', 16, "expected a value after '=='"],
    ['attribute: == x', 1, "expected an attribute name after 'attribute:'"],
    ['not', 4, 'expected a subject'],
    ['', 1, 'expected a subject'],
  ])('%s → position %i', (expression, position, problem) => {
    const e = errorFor(expression);
    expect(e.position).toBe(position);
    expect(e.headline).toContain(problem);
    expect(e.caret).toBe(`${' '.repeat(position - 1)}^`);
    expect(e.shown).toBe(expression);
  });

  it('points inside a quoted regular expression at the construct Java has and JavaScript lacks', () => {
    const possessive = errorFor("attribute:ecs.instance-type =~ 't2.*+'");
    expect(possessive.position).toBe(37);
    expect(possessive.shown[possessive.position - 1]).toBe('+');
    expect(possessive.headline).toContain('possessive quantifiers');
    const unclosed = errorFor("attribute:ecs.instance-type =~ '[abc'");
    expect(unclosed.shown[unclosed.position - 1]).toBe('[');
    expect(errorFor("attribute:x =~ 't2**'").headline).toContain('invalid regular expression: Nothing to repeat');
  });

  it('shows only the part around the error of a long expression, caret still under it', () => {
    const expression = `attribute:x == ${'y'.repeat(150)} junk`;
    const e = errorFor(expression);
    expect(e.position).toBe(expression.indexOf('junk') + 1);
    expect(e.shown.startsWith('…')).toBe(true);
    expect(e.shown[e.caret.length - 1] + e.shown.slice(e.caret.length, e.caret.length + 3)).toBe('junk');
  });

  it('rejects an expression over 2000 characters', () => {
    expect(() => parseExpression(`attribute:x == ${'y'.repeat(1986)}`, 'f')).toThrow('at most 2000 characters (got 2001)');
    expect(() => parseExpression(`attribute:x == ${'y'.repeat(1985)}`, 'f')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateExpression, type QueryContext } from '../../core/ecs/placement/query-language/evaluate-expression.js';
import { parseExpression } from '../../core/ecs/placement/query-language/parse-expression.js';

/** Attributes a..d set to "1" (true) or "0" (false), so `attribute:a == 1` reads as the boolean a. */
function truth(a: boolean, b: boolean, c: boolean): QueryContext {
  const bit = (v: boolean) => (v ? '1' : '0');
  return { ec2InstanceId: 'i-1', agentConnected: true, attributes: { a: bit(a), b: bit(b), c: bit(c) } };
}
const A = 'attribute:a == 1';
const B = 'attribute:b == 1';
const C = 'attribute:c == 1';
const rows = [false, true].flatMap((a) => [false, true].flatMap((b) => [false, true].map((c) => [a, b, c] as const)));
const holds = (expression: string, context: QueryContext) => evaluateExpression(parseExpression(expression, 'expression'), context);

describe('cluster query language precedence: not, then and, then or', () => {
  it.each(rows)('a=%s b=%s c=%s', (a, b, c) => {
    const context = truth(a, b, c);
    expect(holds(`${A} or ${B} and ${C}`, context)).toBe(a || (b && c));
    expect(holds(`${A} and ${B} or ${C}`, context)).toBe((a && b) || c);
    expect(holds(`not ${A} and ${B}`, context)).toBe(!a && b);
    expect(holds(`! ${A} or ${B}`, context)).toBe(!a || b);
    expect(holds(`not not ${A}`, context)).toBe(a);
    expect(holds(`${A} && ${B} || ${C}`, context)).toBe((a && b) || c);
  });

  it.each(rows)('parentheses override it: a=%s b=%s c=%s', (a, b, c) => {
    const context = truth(a, b, c);
    expect(holds(`(${A} or ${B}) and ${C}`, context)).toBe((a || b) && c);
    expect(holds(`${A} and (${B} or ${C})`, context)).toBe(a && (b || c));
    expect(holds(`not (${A} and ${B})`, context)).toBe(!(a && b));
    expect(holds(`not(${A} || ${B})`, context)).toBe(!(a || b));
    expect(holds(`((${A}))`, context)).toBe(a);
  });

  it('builds the tree by precedence, left to right within a level', () => {
    expect(parseExpression(`${A} or ${B} and not ${C}`, 'expression')).toMatchObject({
      kind: 'or',
      left: { kind: 'comparison', subject: { name: 'attribute', attribute: 'a' } },
      right: { kind: 'and', right: { kind: 'not', operand: { kind: 'comparison', subject: { attribute: 'c' } } } },
    });
    expect(parseExpression(`${A} and ${B} and ${C}`, 'expression')).toMatchObject({
      kind: 'and',
      left: { kind: 'and', left: { subject: { attribute: 'a' } }, right: { subject: { attribute: 'b' } } },
      right: { subject: { attribute: 'c' } },
    });
  });

  it('folds operators into tests: == is a one-value in, != its negation', () => {
    expect(parseExpression('attribute:x != y', 'expression')).toMatchObject({ test: 'in', values: ['y'], negated: true });
    expect(parseExpression('runningTasksCount <= 3', 'expression')).toMatchObject({ test: 'order', relation: 'less_than_equal', value: '3' });
  });

  it('reads the guide example: G2 instances outside us-east-1d', () => {
    const expression = 'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d';
    const at = (type: string, zone: string): QueryContext => ({
      ec2InstanceId: 'i-1',
      agentConnected: true,
      attributes: { 'ecs.instance-type': type, 'ecs.availability-zone': zone },
    });
    expect(holds(expression, at('g2.2xlarge', 'us-east-1a'))).toBe(true);
    expect(holds(expression, at('g2.2xlarge', 'us-east-1d'))).toBe(false);
    expect(holds(expression, at('t2.micro', 'us-east-1a'))).toBe(false);
  });
});

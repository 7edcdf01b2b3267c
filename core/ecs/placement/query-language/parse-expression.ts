import { invalidParameter } from '../../../kernel/errors.js';
import type { ComparisonTest, Expression } from './expression-ast.js';
import { expressionError } from './expression-error.js';
import { javaPatternToRegExp } from './java-regex.js';
import { OPERATOR_SYMBOL, operatorNamed, type Operator } from './operators.js';
import { parseSubject, SUBJECT_RULES, subjectText, type Subject } from './subjects.js';
import { tokenize, type Token } from './tokenize.js';
import { expectedForm } from './value-kinds.js';

/** PlacementConstraint.expression's limit [API]. */
export const MAX_EXPRESSION_LENGTH = 2000;

/**
 * Parses a cluster query language expression. Precedence: not, then and, then or; parentheses group.
 * Throws InvalidParameterException (about `field`) pointing at the first character that does not fit.
 */
export function parseExpression(source: string, field: string): Expression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw invalidParameter(`memberOf expression can be at most ${MAX_EXPRESSION_LENGTH} characters (got ${source.length}).`, field);
  }
  return new Parser(source, field).parse();
}

class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly field: string,
  ) {
    this.tokens = tokenize(source, field);
  }

  parse(): Expression {
    const expression = this.or();
    const rest = this.peek();
    if (rest.kind === ')') this.fail(rest, "this ')' has no matching '('");
    if (rest.kind !== 'end') this.fail(rest, `expected 'and', 'or' or the end of the expression, found ${this.describe(rest)}`);
    return expression;
  }

  private or(): Expression {
    let left = this.and();
    while (this.isKeyword(this.peek(), 'or')) {
      this.advance();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expression {
    let left = this.unary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.advance();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expression {
    if (this.isKeyword(this.peek(), 'not')) {
      this.advance();
      return { kind: 'not', operand: this.unary() };
    }
    if (this.peek().kind === '(') {
      const open = this.advance();
      const inner = this.or();
      const close = this.peek();
      if (close.kind !== ')') {
        this.fail(close, `expected ')' to close the '(' at position ${open.start + 1}, found ${this.describe(close)}`);
      }
      this.advance();
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Expression {
    const subjectToken = this.advance();
    if (subjectToken.kind !== 'word') {
      this.fail(subjectToken, `expected a subject such as attribute:ecs.instance-type, found ${this.describe(subjectToken)}`);
    }
    const subject = parseSubject(subjectToken.text);
    if ('problem' in subject) return this.fail(subjectToken, subject.problem);
    const operatorToken = this.advance();
    const operator = operatorToken.kind === 'word' || operatorToken.kind === 'operator' ? operatorNamed(operatorToken.text) : undefined;
    if (!operator) {
      this.fail(operatorToken, `expected an operator such as ==, !=, in, =~ or exists after '${subjectToken.text}', found ${this.describe(operatorToken)}`);
    }
    const allowed = SUBJECT_RULES[subject.name].operators;
    if (!allowed.includes(operator)) {
      this.fail(operatorToken, `'${operatorToken.text}' cannot be used with ${subjectText(subject)}; use ${allowed.map((op) => OPERATOR_SYMBOL[op]).join(', ')}`);
    }
    return { kind: 'comparison', subject, ...this.argument(subject, operator, operatorToken) };
  }

  private argument(subject: Subject, operator: Operator, operatorToken: Token): ComparisonTest {
    const negated = operator.startsWith('not_');
    switch (operator) {
      case 'exists':
      case 'not_exists':
        return { negated, test: 'exists' };
      case 'in':
      case 'not_in':
        return { negated, test: 'in', values: this.list(subject, operatorToken) };
      case 'matches':
      case 'not_matches':
        return { negated, test: 'matches', regex: this.pattern(this.value(operatorToken, true)) };
      case 'equals':
      case 'not_equals':
        return { negated, test: 'in', values: [this.checked(subject, this.value(operatorToken), operatorToken)] };
      default:
        return { negated, test: 'order', relation: operator, value: this.checked(subject, this.value(operatorToken), operatorToken) };
    }
  }

  private list(subject: Subject, operatorToken: Token): string[] {
    const open = this.advance();
    if (open.kind !== '[') this.fail(open, `expected a list such as [a, b] after '${operatorToken.text}', found ${this.describe(open)}`);
    const values: string[] = [];
    for (;;) {
      const item = this.peek();
      if (item.kind !== 'word' && item.kind !== 'string') this.fail(item, `expected a value in the list, found ${this.describe(item)}`);
      values.push(this.checked(subject, this.advance(), operatorToken));
      const separator = this.advance();
      if (separator.kind === ']') return values;
      if (separator.kind !== ',') {
        this.fail(separator, `expected ',' or ']' in the list opened at position ${open.start + 1}, found ${this.describe(separator)}`);
      }
    }
  }

  /** A single value; `and`/`or` there mean the value was left out (quote them to compare with the words). */
  private value(operatorToken: Token, isPattern = false): Token {
    const token = this.peek();
    if (token.kind === 'string' || (token.kind === 'word' && !this.isKeyword(token, 'and') && !this.isKeyword(token, 'or'))) {
      return this.advance();
    }
    const hint = isPattern && (token.kind === '(' || token.kind === '[') ? ' (quote a regular expression that has parentheses or brackets)' : '';
    return this.fail(token, `expected a value after '${operatorToken.text}'${hint}`);
  }

  private checked(subject: Subject, token: Token, operatorToken: Token): string {
    const expected = expectedForm(SUBJECT_RULES[subject.name].kind, token.text);
    if (expected) this.fail(token, `expected ${expected} after '${operatorToken.text}', found ${this.describe(token)}`);
    return token.text;
  }

  private pattern(token: Token): RegExp {
    const translated = javaPatternToRegExp(token.text);
    if (translated.ok) return translated.regex;
    const contentStart = token.kind === 'string' ? token.start + 1 : token.start;
    throw expressionError(this.source, contentStart + translated.offset, translated.message, this.field);
  }

  private isKeyword(token: Token, keyword: 'and' | 'or' | 'not'): boolean {
    return token.kind === keyword || (token.kind === 'word' && token.text === keyword);
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private advance(): Token {
    const token = this.tokens[this.at];
    if (token.kind !== 'end') this.at++;
    return token;
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? 'the end of the expression' : `'${this.source.slice(token.start, token.end)}'`;
  }

  private fail(token: Token, problem: string): never {
    throw expressionError(this.source, token.start, problem, this.field);
  }
}

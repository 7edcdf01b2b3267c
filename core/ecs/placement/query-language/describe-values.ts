import { isoFromEpochSeconds } from '../../../kernel/iso-time.js';
import { subjectValues, type QueryContext } from './evaluate-expression.js';
import type { Expression } from './expression-ast.js';
import { subjectText, type Subject } from './subjects.js';

/**
 * What the instance had for the subjects an expression asks about, for "did not match (t2.micro)".
 * One subject: its values; several: `subject=values` separated by semicolons.
 */
export function describeSubjectValues(expression: Expression, context: QueryContext): string {
  const subjects = subjectsOf(expression);
  if (subjects.length === 1) return shownValues(subjects[0], context);
  return subjects.map((subject) => `${subjectText(subject)}=${shownValues(subject, context)}`).join('; ');
}

function shownValues(subject: Subject, context: QueryContext): string {
  const values = subjectValues(subject, context);
  if (values.length === 0) return subject.name === 'task:group' ? 'no tasks' : 'not set';
  return (subject.name === 'registeredAt' ? values.map((v) => isoFromEpochSeconds(Number(v))) : values).join(', ');
}

/** Each subject once, in the order it is first written. */
function subjectsOf(expression: Expression): Subject[] {
  const found = new Map<string, Subject>();
  const visit = (node: Expression): void => {
    if (node.kind === 'comparison') {
      if (!found.has(subjectText(node.subject))) found.set(subjectText(node.subject), node.subject);
    } else if (node.kind === 'not') visit(node.operand);
    else {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expression);
  return [...found.values()];
}

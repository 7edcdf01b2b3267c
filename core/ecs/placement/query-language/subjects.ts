import { editDistance } from '../../../kernel/fields.js';
import type { Operator } from './operators.js';
import type { ValueKind } from './value-kinds.js';

/** What an expression can ask about a container instance (Developer Guide, cluster query language). */
export type Subject =
  | { name: 'attribute'; attribute: string }
  | { name: 'ec2InstanceId' | 'agentConnected' | 'agentVersion' | 'registeredAt' | 'runningTasksCount' | 'task:group' };

export type SubjectName = Subject['name'];

/** ECS attribute names: up to 128 letters, numbers, hyphens, underscores, slashes, backslashes or periods. */
export const ATTRIBUTE_NAME_PATTERN = /^[A-Za-z0-9_./\\-]{1,128}$/;

const TEXT_OPERATORS: readonly Operator[] = ['equals', 'not_equals', 'in', 'not_in', 'matches', 'not_matches'];
const ORDERED_OPERATORS: readonly Operator[] = [
  'equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
];

/**
 * The operators the guide lists per subject, and how its values compare. Attributes take every operator
 * (the guide names none); task:group adds exists/!exists ("hosts any task at all").
 */
export const SUBJECT_RULES: Record<SubjectName, { operators: readonly Operator[]; kind: ValueKind }> = {
  attribute: { operators: [...ORDERED_OPERATORS, 'exists', 'not_exists', 'in', 'not_in', 'matches', 'not_matches'], kind: 'text' },
  ec2InstanceId: { operators: TEXT_OPERATORS, kind: 'text' },
  agentConnected: { operators: TEXT_OPERATORS, kind: 'text' },
  agentVersion: { operators: ORDERED_OPERATORS, kind: 'version' },
  registeredAt: { operators: ORDERED_OPERATORS, kind: 'date' },
  runningTasksCount: { operators: ORDERED_OPERATORS, kind: 'count' },
  'task:group': { operators: [...TEXT_OPERATORS, 'exists', 'not_exists'], kind: 'text' },
};

const NAMED = ['ec2InstanceId', 'agentConnected', 'agentVersion', 'registeredAt', 'runningTasksCount', 'task:group'] as const;

export function subjectText(subject: Subject): string {
  return subject.name === 'attribute' ? `attribute:${subject.attribute}` : subject.name;
}

/** The subject a word names, or what is wrong with it (with the likely intended subject). */
export function parseSubject(word: string): Subject | { problem: string } {
  if (word.startsWith('attribute:')) {
    const attribute = word.slice('attribute:'.length);
    if (ATTRIBUTE_NAME_PATTERN.test(attribute)) return { name: 'attribute', attribute };
    if (attribute === '') return { problem: "expected an attribute name after 'attribute:', e.g. attribute:ecs.instance-type" };
    return {
      problem: `'${attribute}' is not an attribute name (1-128 letters, numbers, hyphens, underscores, slashes or periods)`,
    };
  }
  const named = NAMED.find((name) => name === word);
  if (named) return { name: named };
  const near = NAMED.find((name) => editDistance(name.toLowerCase(), word.toLowerCase()) <= 2);
  const suggestion = near ?? (ATTRIBUTE_NAME_PATTERN.test(word) ? `attribute:${word}` : undefined);
  return {
    problem:
      `unknown subject '${word}'${suggestion ? `; did you mean ${suggestion}?` : '.'} ` +
      `Subjects are attribute:<name>, ${NAMED.slice(0, -1).join(', ')} or ${NAMED[NAMED.length - 1]}.`,
  };
}

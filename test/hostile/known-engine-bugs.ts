import type { HostileFailure } from './judge-call.js';

/**
 * Engine bugs the fuzzers found and reported (see the issue 8 report), tolerated by the fuzzers until
 * fixed so that they keep finding new ones; known-engine-bugs.test.ts replays each and says when one is
 * fixed, so that its entry here can go.
 */
export interface KnownBug {
  id: string;
  summary: string;
  /** The calls it affects ('any' for a flaw in shared validation), and how the failure reads. */
  calls: readonly string[] | 'any';
  problem: RegExp;
}

export const KNOWN_ENGINE_BUGS: readonly KnownBug[] = [
  {
    id: 'list-items-used-before-type-check',
    summary: 'describe*/update* actions turn list items into strings (String(ref), ref.startsWith) before checking they are strings: undefined or a null-prototype object gives ServerException (seen in describeClusters, describeServices, describeTasks, describeContainerInstances, updateContainerInstancesState, deleteTaskDefinitions, describeTaskSets, describeCapacityProviders)',
    calls: 'any',
    problem: /ServerException.*(Cannot convert object to primitive value|reading 'startsWith')/,
  },
  {
    id: 'create-service-tags-unchecked',
    summary: 'CreateService never validates tags: a non-list gives ServerException ((request.tags ?? []).map is not a function)',
    calls: ['createService'],
    problem: /ServerException.*(is not a function|is not iterable)/,
  },
  {
    id: 'instance-type-looked-up-on-a-plain-object',
    summary: 'addInstances looks instanceType up in a plain object: "constructor", "toString", "__proto__" pass and register an instance with NaN CPU and memory',
    calls: ['control.addInstances'],
    problem: /non-numeric resources/,
  },
  {
    id: 'add-instances-zone-items-unchecked',
    summary: 'addInstances lets an undefined availabilityZones item through; a raw TypeError follows',
    calls: ['control.addInstances'],
    problem: /raw error escaped: TypeError/,
  },
  {
    id: 'image-behaviour-unchecked',
    summary: 'registerImage stores any behaviour: a negative, NaN or non-number duration is accepted, then advance() throws a raw RangeError/TypeError mid-step',
    calls: ['control.registerImage'],
    problem: /was accepted, then (moving time|RunTask) .*(RangeError|TypeError)/,
  },
  {
    id: 'control-arguments-unchecked',
    summary: 'runUntil (condition not a function), runUntilSteady/explainPlacement (missing or null request), eventsSince/taskHistory (objects) throw raw TypeErrors',
    calls: ['control.runUntil', 'control.runUntilSteady', 'control.explainPlacement', 'control.eventsSince', 'control.taskHistory'],
    problem: /raw error escaped: TypeError/,
  },
  {
    id: 'sparse-array-items-skip-validation',
    summary: 'list fields are validated with Array.prototype.map, which skips holes: [ , x] passes validation, then a later item.key / item.type read gives ServerException, or a raw TypeError on the next advance()',
    calls: 'any',
    problem: /(ServerException|was accepted, then moving time).*Cannot read properties of undefined/,
  },
];

export const knownBugOf = (call: string, failure: HostileFailure): KnownBug | undefined =>
  KNOWN_ENGINE_BUGS.find((bug) => (bug.calls === 'any' || bug.calls.includes(call)) && bug.problem.test(failure.message));

import type { InputProblem, SourceLocation } from './check-types.js';

/**
 * Problems any lab's files can have, each with the hint that fits it. A lab's own input hint is about what its
 * requests may ask of ECS; a learner whose JSON does not parse needs a hint about JSON.
 */

export function missingFile(file: string): InputProblem {
  return {
    message: `${file} is missing.`,
    hint: `The checks read ${file} from the folder they check. \`npx ecs-lab lab start <lab>\` copies the starter's files into your work folder; a class folder holds one sub-folder per lab, named as the lab.`,
  };
}

export function invalidJson(location: SourceLocation, message: string): InputProblem {
  return {
    message: `${location.file} is not valid JSON: ${message}`,
    location,
    hint: 'JSON wants double quotes around names and text, a comma between two fields and none after the last one, and every { and [ closed. The slip is often at the end of the line before the one shown.',
  };
}

export function notAnObject(file: string): InputProblem {
  return {
    message: `${file} must hold one JSON object ({ ... }), the request's fields.`,
    location: { file, line: 1, column: 1 },
    hint: 'The file holds one request, as the starter does: { "field": value, ... }, nothing before the { and nothing after the }.',
  };
}

export function doesNotCompile(location: SourceLocation, message: string): InputProblem {
  return {
    message: `${location.file} does not compile: ${message}`,
    location,
    hint: 'TypeScript reads the file up to its first slip in syntax: look at the place shown and just before it, for a bracket, a comma or a quote missing or one too many.',
  };
}

export function doesNotTypeCheck(location: SourceLocation, message: string): InputProblem {
  return {
    message: `${location.file} does not compile: ${message}`,
    location,
    hint: 'TypeScript checks that each value fits the type of the place it goes to, as tsc --strict does. The simulator\'s methods take the same fields, spelt the same way, as the ECS API: compare the names and the values on that line with the types the message gives.',
  };
}

/** A field the lab fixes, so that every learner meets the same situation, set to something else. */
export function fixedFieldHint(field: string): string {
  return `The lab fixes ${field}, so that every learner meets the same situation: set it back to the starter's value, and change what the lab asks about.`;
}

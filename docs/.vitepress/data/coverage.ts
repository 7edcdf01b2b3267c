/**
 * The coverage matrix: for each curriculum concept, which chapters explain it and which scenarios, labs and
 * quiz questions practise it. Pure: the inputs are plain data (see coverage-sources.ts for reading them from
 * the files), so the build's data loader and the tests compute exactly the same thing.
 */
export interface Concept {
  id: string;
  name: string;
  /** The curriculum marks it as having behaviour to simulate (a scenario is the natural practice). */
  behaviour: boolean;
}

export interface Ref {
  /** What to show: a chapter or lab title, a feature name, a question id. */
  name: string;
  /** Site link, when the thing has a page. */
  link?: string;
  /** Longer label (a feature's `Feature:` line), shown as a tooltip. */
  title?: string;
  concepts: string[];
}

export interface CoverageInputs {
  concepts: Concept[];
  chapters: Ref[];
  scenarios: Ref[];
  labs: Ref[];
  questions: Ref[];
}

export interface ConceptCoverage extends Concept {
  chapters: Ref[];
  scenarios: Ref[];
  labs: Ref[];
  questions: Ref[];
  /** A chapter explains it. */
  covered: boolean;
  /** A scenario, a lab or a quiz question exercises it. */
  practised: boolean;
}

export interface Coverage {
  rows: ConceptCoverage[];
  /** Concepts no chapter names. */
  withoutChapter: string[];
  /** Concepts with no scenario, lab or quiz question. */
  withoutPractice: string[];
  /** Concepts with behaviour to simulate but no scenario yet (practised only by reading or quizzes). */
  behaviourWithoutScenario: string[];
  /** Ids named by a chapter, scenario, lab or question that are not in the curriculum (typos). */
  unknownIds: Array<{ id: string; where: string }>;
  totals: { concepts: number; covered: number; practised: number; chapters: number; scenarios: number; labs: number; questions: number };
}

export function computeCoverage(inputs: CoverageInputs): Coverage {
  const known = new Set(inputs.concepts.map((c) => c.id));
  const unknownIds: Coverage['unknownIds'] = [];
  const kinds = ['chapters', 'scenarios', 'labs', 'questions'] as const;
  for (const kind of kinds) {
    for (const ref of inputs[kind]) for (const id of ref.concepts) if (!known.has(id)) unknownIds.push({ id, where: `${kind}: ${ref.name}` });
  }
  const naming = (refs: Ref[], id: string) => refs.filter((ref) => ref.concepts.includes(id));
  const rows = inputs.concepts.map((concept): ConceptCoverage => {
    const chapters = naming(inputs.chapters, concept.id);
    const scenarios = naming(inputs.scenarios, concept.id);
    const labs = naming(inputs.labs, concept.id);
    const questions = naming(inputs.questions, concept.id);
    return {
      ...concept,
      chapters,
      scenarios,
      labs,
      questions,
      covered: chapters.length > 0,
      practised: scenarios.length + labs.length + questions.length > 0,
    };
  });
  return {
    rows,
    withoutChapter: rows.filter((r) => !r.covered).map((r) => r.id),
    withoutPractice: rows.filter((r) => !r.practised).map((r) => r.id),
    behaviourWithoutScenario: rows.filter((r) => r.behaviour && r.scenarios.length === 0).map((r) => r.id),
    unknownIds,
    totals: {
      concepts: rows.length,
      covered: rows.filter((r) => r.covered).length,
      practised: rows.filter((r) => r.practised).length,
      chapters: inputs.chapters.length,
      scenarios: inputs.scenarios.length,
      labs: inputs.labs.length,
      questions: inputs.questions.length,
    },
  };
}

/** `@concepts:C13` tags anywhere in a feature file (feature or scenario level), in order, without repeats. */
export function featureConcepts(featureSource: string): string[] {
  const ids: string[] = [];
  for (const line of featureSource.split(/\r?\n/)) {
    if (!line.trim().startsWith('@')) continue;
    for (const match of line.matchAll(/@concepts:(C\d+)/g)) if (!ids.includes(match[1])) ids.push(match[1]);
  }
  return ids;
}

/**
 * Engine bugs the properties found and the engine does not fix yet. Each has a regression test that fails
 * for as long as the bug is there (marked `it.fails`); a violation that is only this bug's symptom does
 * not fail a chaos run, so that the properties go on looking for new ones. When the regression test
 * starts to fail, the bug is fixed: remove its `.fails`, and its entry here.
 */
interface KnownBug {
  regressionTest: string;
  isSymptom: (violation: string) => boolean;
}

const KNOWN_BUGS: KnownBug[] = [
  {
    regressionTest: 'test/core/scheduled-scaling-bounds.test.ts',
    isSymptom: (v) => /has minimum (\d+) above maximum/.test(v) || invertedBounds(/outside its scalable target's (\d+) to (\d+)/.exec(v)),
  },
  {
    regressionTest: 'test/core/blue-green-after-delete.test.ts',
    isSymptom: (v) => v.includes('while a deployment of the service deleted before it is still in progress'),
  },
];

const invertedBounds = (match: RegExpExecArray | null) => match !== null && Number(match[1]) > Number(match[2]);

/** Whether a violation is the symptom of a known, unfixed engine bug. */
export const isKnownBug = (violation: string) => KNOWN_BUGS.some((bug) => bug.isSymptom(violation));

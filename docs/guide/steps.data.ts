import { stepVocabulary, type StepTopic } from '../../core/shell/commands/step-vocabulary.js';

/** The step vocabulary for docs/guide/steps.md, read from the step library when the site is built. */
export type { StepTopic };

export default {
  watch: ['../../scenarios/steps/*.ts'],
  load(): StepTopic[] {
    return stepVocabulary();
  },
};

import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { createSimulator } from '../../core/index.js';
import { inProcessPort } from '../port/in-process-port.js';
import { ScenarioWorld } from '../world/scenario-world.js';
import { DEFAULT_SEED } from '../runner/run-feature.js';

/** Cucumber's per-scenario world holds the same ScenarioWorld the in-page runner uses, over an in-process port. */
export class CucumberWorld extends World {
  scenario: ScenarioWorld;

  constructor(options: IWorldOptions) {
    super(options);
    const seed = Number(options.parameters?.seed ?? process.env.ECS_LAB_SEED ?? DEFAULT_SEED);
    this.scenario = new ScenarioWorld(seed, inProcessPort(createSimulator({ seed })));
  }
}

setWorldConstructor(CucumberWorld);

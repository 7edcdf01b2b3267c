import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { ScenarioWorld } from '../world/scenario-world.js';
import { DEFAULT_SEED } from '../runner/run-feature.js';

/** Cucumber's per-scenario world holds the same ScenarioWorld the in-page runner uses. */
export class CucumberWorld extends World {
  scenario: ScenarioWorld;

  constructor(options: IWorldOptions) {
    super(options);
    const seed = Number(options.parameters?.seed ?? process.env.ECS_LAB_SEED ?? DEFAULT_SEED);
    this.scenario = new ScenarioWorld(seed);
  }
}

setWorldConstructor(CucumberWorld);

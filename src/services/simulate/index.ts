export { simulateScenario, type SimulateOptions } from './simulate-scenario.js';
export { parseScenario, parseScenarioText } from './parse-scenario.js';
export { ScenarioError, ScenarioErrors } from './scenario-error.js';
export type { SimulatedDelivery } from './recording-channels.js';

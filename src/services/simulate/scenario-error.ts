/**
 * A scenario the simulator cannot run: bad JSON, a schema issue, or an event the engine
 * refuses (illegal transition…). `path` names the field, e.g. `events.3.type`.
 */
export class ScenarioError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }

  /** `events.3.type: cannot move a candidate from offer_sent to started`. */
  describe(): string {
    return `${this.path.length ? this.path.join('.') : 'scenario'}: ${this.message}`;
  }
}

/** Several problems found at once (every schema issue, not just the first). */
export class ScenarioErrors extends Error {
  constructor(readonly errors: readonly ScenarioError[]) {
    super(errors.map((error) => error.describe()).join('\n'));
    this.name = 'ScenarioErrors';
  }
}

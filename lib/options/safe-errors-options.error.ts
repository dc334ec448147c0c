/** Thrown for an option the library cannot use; the message names the option. */
export class SafeErrorsOptionsError extends TypeError {
  /** The option's path, e.g. `logger.level` or `redact.patterns[1]`. */
  readonly option: string;
  /** What is wrong with it, e.g. `must be a boolean`. */
  readonly problem: string;

  /** `owner` is who was given the option (`SafeErrorsModule`, `RedactingLogger`); `redact()` has none. */
  constructor(option: string, problem: string, owner?: string) {
    super(
      owner === undefined
        ? `${option} ${problem}`
        : `${owner}: option "${option}" ${problem}`,
    );
    this.name = 'SafeErrorsOptionsError';
    this.option = option;
    this.problem = problem;
  }
}

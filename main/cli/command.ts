/** One subcommand of the `folio` CLI. Each lives in its own file under commands/. */
export interface CliCommand {
  name: string;
  /** One line for `folio --help`. */
  summary: string;
  /** Full usage text for `folio <name> --help`. */
  usage: string;
  /**
   * Runs the command with the arguments after its name. Returns the exit code.
   * Throw a UserError for a mistake the user can fix: the CLI prints its
   * message on one line and exits with code 2.
   */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Where a command writes, so tests can capture it. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

/** A mistake in the user's input: reported as one line, never with a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

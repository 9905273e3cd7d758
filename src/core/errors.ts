/** Exit codes shared by every entry point (docs/architecture.md: 0 pass, 1 check failed, 2 usage or input error). */
export const ExitCode = { Pass: 0, CheckFailed: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class of every error mlci reports to a user: the message is shown as is, without a stack. */
export class MlciError extends Error {
  /** The process exit code this error maps to. */
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad input from the user: a missing file, a malformed config, a wrong flag. Exit code 2. */
export class InputError extends MlciError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, ExitCode.Usage, options);
  }
}

/** A check ran and failed (anomalies, a failed gate, a rolled-back canary). Exit code 1. */
export class CheckFailedError extends MlciError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, ExitCode.CheckFailed, options);
  }
}

/** Turns anything thrown into the one-line message a user sees. */
export function describeError(error: unknown): string {
  if (error instanceof MlciError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/core/errors.ts
var ExitCode = { Pass: 0, CheckFailed: 1, Usage: 2 };
var MlciError = class extends Error {
  /** The process exit code this error maps to. */
  exitCode;
  constructor(message, exitCode, options) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
};
var InputError = class extends MlciError {
  constructor(message, options) {
    super(message, ExitCode.Usage, options);
  }
};
var CheckFailedError = class extends MlciError {
  constructor(message, options) {
    super(message, ExitCode.CheckFailed, options);
  }
};
function describeError(error) {
  if (error instanceof MlciError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export {
  ExitCode,
  MlciError,
  InputError,
  CheckFailedError,
  describeError
};

import { InputError } from '../core/errors.js';

/** A config file that cannot be used; the message names the file, line, key path, value and expectation. */
export class ConfigError extends InputError {}

// When `schema infer` writes a categorical domain, in a module of its own so that the CLI's help can
// state the rule without loading the engine.

/** Largest categorical domain written as an enum (TFDV's default). */
export const MAX_DOMAIN = 100;

/**
 * Fewest rows each value of a column needs for its domain to be taken as closed and written as an
 * enum. By Good–Turing, the share of new rows holding a value the data never showed is about the
 * share of rows whose value occurs once; a domain whose every value occurs at least this often shows
 * no sign of values still unseen, while one with rare values would fail held-out rows of the same
 * source on the rare values they hold and the training rows lack.
 */
export const MIN_DOMAIN_COUNT = 5;

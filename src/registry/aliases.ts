// The alias names every door defaults to, in a module of their own so that entries can import them
// without loading the registry's record and model-card code at start-up.

/** The alias that names the version serving users: the baseline, and what a canary promotion moves. */
export const PRODUCTION_ALIAS = 'production';

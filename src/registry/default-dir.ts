/**
 * The default location of the local registry: relative to the working directory without mlci.yml,
 * beside mlci.yml with one (docs/config.md). A module of its own so the config loader needs no registry code.
 */
export const DEFAULT_LOCAL_REGISTRY = '.mlci/registry';

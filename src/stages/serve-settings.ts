import type { MlciConfig } from '../config/types.js';
import type { ServeModelSettings } from '../serve/options.js';

/** The model settings of mlci.yml a server started by a stage needs, read once for the canary and the load test. */
export function serveModelSettings(config: MlciConfig | null | undefined): ServeModelSettings | undefined {
  if (!config) return undefined;
  return { features: config.model.features, task: config.model.task, threshold: config.model.threshold };
}

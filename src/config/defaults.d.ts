/** Share of tested columns that must drift for dataset drift (Evidently's drift_share). */
export declare const DEFAULT_DRIFT_SHARE: number;
/** Canary traffic percentages when deploy.steps is not set. */
export declare const DEFAULT_CANARY_STEPS: readonly number[];
export declare const DEFAULT_FAILURE_LIMIT: number;
/** Canary analysis defaults (the fields are documented on AnalysisThresholds). */
export declare const DEFAULT_CANARY_ANALYSIS: Readonly<import('../deploy/analysis.js').AnalysisThresholds>;

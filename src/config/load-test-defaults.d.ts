/** Target rate = the production server's observed rate × this, when no rate is set. */
export declare const DEFAULT_LOAD_TEST_HEADROOM: number;
/** Seconds each version is driven at the target rate (alternating slices). */
export declare const DEFAULT_LOAD_TEST_DURATION_S: number;
/** Fractions of the target rate measured first, for the latency-vs-rate curve. */
export declare const DEFAULT_LOAD_TEST_RAMP: readonly number[];
/** Fail above this error rate at the target rate. */
export declare const DEFAULT_LOAD_TEST_MAX_ERROR_RATE: number;
/** Fail when the candidate's p99 exceeds this × stable's p99 (and stable's + the slack). */
export declare const DEFAULT_LOAD_TEST_MAX_P99_RATIO: number;
/** A p99 difference below this many ms passes the ratio objective. */
export declare const DEFAULT_LOAD_TEST_P99_SLACK_MS: number;

// Retraining dispatch of the monitor stage: decided from the verdict, sent through an injected
// DispatchFn (src/github/dispatch.ts) so the stage stays free of octokit; a failure is recorded, not
// thrown, so the report is written first.
import { join } from 'node:path';
import { describeError } from '../core/errors.js';
import type {
  DispatchFn,
  DispatchRequest,
  MonitorVerdict,
  TriggerKind,
  TriggerRecord
} from '../monitor/types.js';
import type { ModelVersion } from '../registry/types.js';

/** Longest reason sent as a workflow input. */
const MAX_REASON = 1000;
/** Most drifted column names sent in a repository_dispatch payload. */
const MAX_PAYLOAD_COLUMNS = 50;

/** How retraining is triggered; `dispatch` is injected (src/github/dispatch.ts) so this stage stays free of octokit. */
export interface MonitorTrigger {
  kind: TriggerKind;
  /** Workflow file or id (workflow_dispatch). */
  workflow?: string;
  /** Git ref the workflow runs on (workflow_dispatch); default main. */
  ref?: string;
  /** repository_dispatch event type; default mlci-retrain. */
  eventType?: string;
  /** Sent as the `data_version` workflow input when given. */
  dataVersion?: string;
  /** Link to the report for the repository_dispatch payload (e.g. the run URL); default the monitor.json path. */
  reportUrl?: string;
  dispatch?: DispatchFn;
}

/** Decides and (unless a dry run) sends the dispatch; a failure is recorded, not thrown, so the report is written. */
export async function fireTrigger(
  options: { trigger?: MonitorTrigger; dryRun?: boolean; out?: string },
  verdict: MonitorVerdict,
  reason: string,
  version: ModelVersion,
  driftedColumns: string[]
): Promise<TriggerRecord> {
  const t = options.trigger ?? { kind: 'none' as const };
  const dryRun = options.dryRun ?? false;
  const crossed = verdict === 'drift' || verdict === 'degraded';
  const record: TriggerRecord = {
    kind: t.kind,
    sent: false,
    dry_run: dryRun,
    reason: crossed ? reason : null,
    request: null
  };
  if (!crossed)
    return {
      ...record,
      note: verdict === 'insufficient_data' ? 'too few rows to judge' : 'no threshold crossed'
    };
  if (t.kind === 'none') return { ...record, note: 'no trigger configured' };
  const oneLine = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
  const request: DispatchRequest =
    t.kind === 'workflow_dispatch'
      ? {
          kind: 'workflow_dispatch',
          workflow: t.workflow!,
          ref: t.ref ?? 'main',
          inputs: { reason: oneLine, ...(t.dataVersion ? { data_version: t.dataVersion } : {}) }
        }
      : {
          kind: 'repository_dispatch',
          eventType: t.eventType ?? 'mlci-retrain',
          clientPayload: {
            model: version.name,
            version: version.version,
            reason: oneLine,
            drifted_columns: driftedColumns.slice(0, MAX_PAYLOAD_COLUMNS),
            report: t.reportUrl ?? (options.out ? join(options.out, 'monitor.json') : null),
            ...(t.dataVersion ? { data_version: t.dataVersion } : {})
          }
        };
  if (dryRun) return { ...record, request, note: 'dry run: decided, not sent' };
  try {
    const { target } = await t.dispatch!(request);
    return { ...record, request, sent: true, target };
  } catch (error) {
    return { ...record, request, error: describeError(error) };
  }
}

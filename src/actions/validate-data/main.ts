import type { Anomaly, ValidationReport } from '../../data/report.js';
import { loadOptionalConfig } from '../../config/load.js';
import { validateData } from '../../stages/validate-data.js';
import { buildValidateDataRequest } from '../../stages/validate-data-request.js';
import { actionProgress, actionsCore, logLine, runAction } from '../toolkit.js';
import { readValidateDataInputs } from './inputs.js';

/** Most annotations GitHub shows per step; more would be dropped anyway. */
const MAX_ANNOTATIONS = 10;

/** Annotations for the first offending rows (file and line), errors first. */
export function annotations(
  report: ValidationReport
): { level: 'error' | 'warning'; message: string; file?: string; line?: number; title: string }[] {
  const out: { level: 'error' | 'warning'; message: string; file?: string; line?: number; title: string }[] =
    [];
  const ordered: Anomaly[] = [
    ...report.anomalies.filter((a) => a.severity === 'error'),
    ...report.anomalies.filter((a) => a.severity === 'warning')
  ];
  for (const a of ordered) {
    const title = `mlci ${a.code}${a.column ? ` (${a.column})` : ''}`;
    if (a.rows && a.rows.length > 0) {
      for (const r of a.rows) {
        if (out.length >= MAX_ANNOTATIONS) return out;
        out.push({
          level: a.severity,
          title,
          message: `${a.message}${r.value !== undefined ? ` — value ${JSON.stringify(r.value)}` : ''}`,
          file: r.file,
          line: r.line
        });
      }
    } else if (out.length < MAX_ANNOTATIONS) {
      out.push({ level: a.severity, title, message: a.message });
    }
  }
  return out;
}

/** The validate-data action: runs the stage, annotates, writes outputs and the job summary. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readValidateDataInputs();
    // A missing mlci.yml is fine: every setting has an input or a default.
    const config = await loadOptionalConfig(inputs.config);
    const result = await validateData({
      ...buildValidateDataRequest(inputs, config),
      progress: actionProgress
    });
    const report = result.report;
    const core = await actionsCore();
    for (const a of annotations(report)) {
      const props = { title: a.title, file: a.file, startLine: a.line };
      if (a.level === 'error') core.error(a.message, props);
      else core.warning(a.message, props);
    }
    logLine(
      `mlci validate-data: ${report.verdict} (${report.summary.errors} errors, ${report.summary.warnings} warnings)`
    );
    return {
      outputFolder: inputs.out,
      outputs: {
        verdict: report.verdict,
        anomalies: String(report.anomalies.length),
        'drifted-columns': String(report.dataset_drift?.drifted ?? 0),
        'dataset-drift': String(report.dataset_drift?.drifted_dataset ?? false),
        report: `${inputs.out}/validation.md`
      },
      summary: result.markdown,
      failure:
        result.exitCode === 0
          ? undefined
          : `data validation failed: ${report.summary.errors} blocking anomal${report.summary.errors === 1 ? 'y' : 'ies'}`
    };
  });
}

import { describeError, InputError, MlciError } from '../../core/errors.js';
import type { Anomaly, ValidationReport } from '../../data/report.js';
import { loadOptionalConfig } from '../../config/load.js';
import { validateData } from '../../pipeline/validate-data.js';
import { actionsCore, logLine } from '../toolkit.js';
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
  try {
    const inputs = readValidateDataInputs();
    // A missing mlci.yml is fine: every setting has an input or a default.
    const config = await loadOptionalConfig(inputs.config);
    const data = inputs.data || config?.data?.eval || config?.data?.train;
    if (!data) throw new InputError('input "data" is required (or set data.eval / data.train in mlci.yml)');
    const result = await validateData({
      data,
      reference: inputs.reference ?? config?.data?.reference,
      schema: inputs.schema ?? config?.data?.schema,
      label: inputs.label ?? config?.model?.label,
      task: config?.model?.task,
      labelOptional: inputs.label === undefined,
      train: inputs.train,
      out: inputs.out,
      config: config?.data,
      progress: { start: logLine, update() {}, finish: (m) => m && logLine(m), info: logLine }
    });
    const core = await actionsCore();
    const report = result.report;
    for (const a of annotations(report)) {
      const props = { title: a.title, file: a.file, startLine: a.line };
      if (a.level === 'error') core.error(a.message, props);
      else core.warning(a.message, props);
    }
    core.setOutput('verdict', report.verdict);
    core.setOutput('anomalies', String(report.anomalies.length));
    core.setOutput('drifted-columns', String(report.dataset_drift?.drifted ?? 0));
    core.setOutput('dataset-drift', String(report.dataset_drift?.drifted_dataset ?? false));
    core.setOutput('report', `${inputs.out}/validation.md`);
    await core.summary.addRaw(result.markdown.slice(0, 1000000)).write();
    logLine(
      `mlci validate-data: ${report.verdict} (${report.summary.errors} errors, ${report.summary.warnings} warnings)`
    );
    if (result.exitCode !== 0) {
      core.setFailed(
        `data validation failed: ${report.summary.errors} blocking anomal${report.summary.errors === 1 ? 'y' : 'ies'}`
      );
      process.exitCode = 1;
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

import { configFileOr } from '../../config/default-file.js';
import { actionBooleanInput, actionInput } from '../inputs.js';

/** Inputs of the validate-data action (see actions/validate-data/action.yml). */
export interface ValidateDataInputs {
  data?: string;
  reference?: string;
  schema?: string;
  label?: string;
  train?: string;
  config: string;
  out: string;
  uploadArtifact: boolean;
}

/** Reads the action inputs; `data` may come from mlci.yml instead. */
export function readValidateDataInputs(): ValidateDataInputs {
  const optional = (name: string) => actionInput(name) || undefined;
  return {
    data: optional('data'),
    reference: optional('reference'),
    schema: optional('schema'),
    label: optional('label'),
    train: optional('train'),
    config: configFileOr(actionInput('config')),
    out: actionInput('out', { fallback: 'mlci-out/validation' }),
    uploadArtifact: actionBooleanInput('upload-artifact', true)
  };
}

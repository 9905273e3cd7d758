import type { Tensor } from 'onnxruntime-node';
import type { InputLayout } from './model.js';

/** A request the server rejects with a 4xx status and `{error}` body, as KServe does. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    // Messages quote client text (input names, values): bounded, so a hostile request cannot inflate them.
    super(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message);
  }
}

const MAX_MESSAGE = 500;

/** The tensor constructor of onnxruntime (passed in so this module loads without the native addon). */
export type TensorConstructor = typeof Tensor;

/** A validated request: the feeds for onnxruntime plus a way to read a row back for the prediction log. */
export interface DecodedBatch {
  rows: number;
  feeds: Record<string, Tensor>;
  /** Row `i` as column → value (matrix columns without names are `<input>[j]`); missing values are null. */
  row(i: number): Record<string, number | string | null>;
}

/** One tensor of an Open Inference Protocol request. */
interface V2Tensor {
  name: unknown;
  shape: unknown;
  datatype: unknown;
  data: unknown;
}

/** What a KServe v2 numeric datatype holds: its range, and whether only whole numbers. */
interface DatatypeRange {
  min: number;
  max: number;
  integer: boolean;
  /** The range as error messages write it. */
  text: string;
}

const intRange = (min: number, max: number): DatatypeRange => ({
  min,
  max,
  integer: true,
  text: `${min}..${max}`
});
const floatRange = (max: number, text: string): DatatypeRange => ({ min: -max, max, integer: false, text });

// 64-bit integers stop at ±(2^53 − 1): a JSON number beyond is not exact, so it cannot be the value sent.
const RANGES = new Map<string, DatatypeRange>([
  ['INT8', intRange(-128, 127)],
  ['INT16', intRange(-32768, 32767)],
  ['INT32', intRange(-2147483648, 2147483647)],
  ['INT64', intRange(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)],
  ['UINT8', intRange(0, 255)],
  ['UINT16', intRange(0, 65535)],
  ['UINT32', intRange(0, 4294967295)],
  ['UINT64', intRange(0, Number.MAX_SAFE_INTEGER)],
  ['FP16', floatRange(65504, '65504')],
  ['FP32', floatRange(3.4028234663852886e38, '3.4e38')],
  ['FP64', floatRange(Number.MAX_VALUE, '1.8e308')]
]);

/**
 * Validates an Open Inference Protocol (v2) infer body against the model's inputs and builds the
 * feeds. JSON has no NaN, so `null` in float data is a missing value (NaN for the model's imputer).
 */
export function decodeV2(
  body: unknown,
  layout: InputLayout,
  Tensor: TensorConstructor,
  maxRows: number
): DecodedBatch {
  if (!isObject(body)) throw new RequestError(400, 'request body must be a JSON object with "inputs"');
  const inputs = body.inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new RequestError(
      400,
      '"inputs" must be a non-empty array of tensors {name, shape, datatype, data}'
    );
  }
  // Plain loops over the parsed array, no Map or iterator: this runs on every request.
  const count = inputs.length;
  const names: string[] = [];
  const seen = count > 32 ? new Set<string>() : undefined;
  for (let index = 0; index < count; index++) {
    const raw: unknown = inputs[index];
    if (!isObject(raw) || typeof raw.name !== 'string')
      throw new RequestError(400, `inputs[${index}]: needs a string "name"`);
    const name = raw.name;
    if (seen ? seen.has(name) : names.includes(name))
      throw new RequestError(400, `input "${name}" is given twice`);
    seen?.add(name);
    names.push(name);
  }
  if (layout.kind === 'matrix') {
    const index = names.indexOf(layout.input.name);
    if (index >= 0) {
      if (count > 1)
        throw new RequestError(400, `the model takes one input "${layout.input.name}"; got ${count}`);
      return matrixFromTensor(inputs[index] as V2Tensor, layout, Tensor, maxRows);
    }
  }
  const columns: ColumnValues[] = [];
  let rows = -1;
  for (let index = 0; index < count; index++) {
    const name = names[index];
    const column = readColumn(inputs[index] as V2Tensor, name);
    if (rows >= 0 && column.values.length !== rows) {
      throw new RequestError(400, `input "${name}": ${column.values.length} rows, other inputs have ${rows}`);
    }
    rows = column.values.length;
    columns.push(column);
  }
  checkRows(rows, maxRows);
  return fromColumns(names, columns, rows, layout, Tensor);
}

/** Validates plain JSON rows (`{"instances": [{col: value}, …]}` or arrays in input order) and builds the feeds. */
export function decodeRows(
  body: unknown,
  layout: InputLayout,
  Tensor: TensorConstructor,
  maxRows: number
): DecodedBatch {
  const instances = isObject(body) ? (body.instances ?? body.rows) : body;
  if (!Array.isArray(instances) || instances.length === 0) {
    throw new RequestError(400, 'request body must be {"instances": [row, …]} with at least one row');
  }
  checkRows(instances.length, maxRows);
  const names = columnNames(layout);
  const columns = names.map((): ColumnValues => ({ values: new Array(instances.length), type: 'number' }));
  const position = layoutPositions(layout);
  for (const [r, instance] of instances.entries()) {
    if (Array.isArray(instance)) {
      if (instance.length !== names.length) {
        throw new RequestError(
          400,
          `instances[${r}]: ${instance.length} values, the model takes ${names.length} (${names.join(', ')})`
        );
      }
      names.forEach((name, j) => setValue(columns[j], r, instance[j], `instances[${r}][${j}] (${name})`));
    } else if (isObject(instance)) {
      for (const key of Object.keys(instance)) {
        if (!position.has(key))
          throw new RequestError(
            400,
            `instances[${r}]: unknown column "${key}"; the model takes ${names.join(', ')}`
          );
      }
      names.forEach((name, j) => {
        if (!(name in instance)) throw new RequestError(400, `instances[${r}]: missing column "${name}"`);
        setValue(columns[j], r, instance[name], `instances[${r}].${name}`);
      });
    } else {
      throw new RequestError(400, `instances[${r}]: expected an object of column values or an array`);
    }
  }
  return fromColumns(names, columns, instances.length, layout, Tensor);
}

/** Column names a request may use: the feature names of a matrix model, or the inputs of a column model. */
export function columnNames(layout: InputLayout): string[] {
  if (layout.kind === 'columns') return layout.inputs.map((i) => i.name);
  if (!layout.features) {
    throw new RequestError(
      400,
      `the model has no feature_names; send one tensor "${layout.input.name}" [N, F]`
    );
  }
  return layout.features;
}

const positions = new WeakMap<InputLayout, Map<string, number>>();

/** Column name → position in columnNames(layout), built once per loaded model. */
function layoutPositions(layout: InputLayout): Map<string, number> {
  let map = positions.get(layout);
  if (!map) {
    map = new Map(columnNames(layout).map((name, j) => [name, j]));
    positions.set(layout, map);
  }
  return map;
}

interface ColumnValues {
  values: (number | string | null)[];
  type: 'number' | 'integer' | 'string';
}

// null is a missing value, as in Open Inference Protocol float data: NaN for a float input, a 400 for others.
function setValue(column: ColumnValues, row: number, value: unknown, where: string): void {
  if (typeof value === 'number' || typeof value === 'string' || value === null) column.values[row] = value;
  else throw new RequestError(400, `${where}: expected a number, a string or null, got ${typeof value}`);
}

function readColumn(tensor: V2Tensor, name: string): ColumnValues {
  const shape = readShape(tensor.shape, name);
  if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1)) {
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(', ')}], expected [N] or [N, 1] for a column`
    );
  }
  const values = flatData(tensor.data, name, shape);
  if (values.length !== shape[0]) {
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(', ')}] needs ${shape[0]} values, got ${values.length}`
    );
  }
  const datatype = tensor.datatype;
  if (typeof datatype !== 'string')
    throw new RequestError(400, `input "${name}": needs a "datatype" (FP32, INT64, BYTES, …)`);
  if (datatype === 'BYTES') {
    for (let i = 0; i < values.length; i++)
      if (typeof values[i] !== 'string')
        throw new RequestError(400, `input "${name}": BYTES data must be strings`);
    return { values: values as string[], type: 'string' };
  }
  const range = RANGES.get(datatype);
  if (!range) throw new RequestError(400, `input "${name}": unsupported datatype "${datatype}"`);
  checkNumbers(values, name, datatype, range);
  return { values: values as (number | null)[], type: range.integer ? 'integer' : 'number' };
}

/**
 * Every value is a number the declared datatype holds (null: a missing float). One plain loop with
 * two comparisons per value and no allocation: this runs on every value of every request.
 */
function checkNumbers(values: unknown[], name: string, datatype: string, range: DatatypeRange): void {
  const { min, max, integer } = range;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null && !integer) continue;
    if (typeof v !== 'number' || (integer && !Number.isInteger(v))) {
      throw new RequestError(
        400,
        `input "${name}": ${datatype} data must be ${integer ? 'integers' : 'numbers'}, got ${show(v)}`
      );
    }
    if (v < min || v > max) throw outOfRange(name, i, v, datatype, range);
  }
}

function matrixFromTensor(
  tensor: V2Tensor,
  layout: Extract<InputLayout, { kind: 'matrix' }>,
  Tensor: TensorConstructor,
  maxRows: number
): DecodedBatch {
  const name = layout.input.name;
  const shape = readShape(tensor.shape, name);
  const width = matrixWidth(layout);
  if (shape.length !== 2)
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(', ')}], expected [N, ${width ?? 'F'}]`
    );
  if (width !== null && shape[1] !== width) {
    throw new RequestError(400, `input "${name}": shape [${shape.join(', ')}], expected [N, ${width}]`);
  }
  if (tensor.datatype !== 'FP32' && tensor.datatype !== 'FP64') {
    throw new RequestError(400, `input "${name}": datatype ${show(tensor.datatype)}, expected FP32`);
  }
  checkRows(shape[0], maxRows);
  const values = flatData(tensor.data, name, shape);
  if (values.length !== shape[0] * shape[1]) {
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(', ')}] needs ${shape[0] * shape[1]} values, got ${values.length}`
    );
  }
  const data = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) data[i] = NaN;
    else if (typeof v !== 'number') {
      throw new RequestError(400, `input "${name}": FP32 data must be numbers, got ${show(v)}`);
    } else {
      data[i] = v;
      if (!Number.isFinite(data[i])) throw notFinite(name, Math.floor(i / shape[1]), 'FP32');
    }
  }
  const cols = shape[1];
  const names = layout.features ?? Array.from({ length: cols }, (_, j) => `${name}[${j}]`);
  return {
    rows: shape[0],
    feeds: { [name]: new Tensor('float32', data, shape) },
    row: (i) => Object.fromEntries(names.map((n, j) => [n, data[i * cols + j]]))
  };
}

/**
 * Builds the feeds from validated columns given as parallel arrays (`given[i]` holds `columns[i]`,
 * in request order): every model input must be given once and nothing else.
 */
function fromColumns(
  given: string[],
  columns: ColumnValues[],
  rows: number,
  layout: InputLayout,
  Tensor: TensorConstructor
): DecodedBatch {
  const names = columnNames(layout);
  const position = layoutPositions(layout);
  // ordered[j] is the column of names[j]; the request names are distinct (checked by the callers).
  const ordered = new Array<ColumnValues>(names.length);
  for (let i = 0; i < given.length; i++) {
    const j = position.get(given[i]);
    if (j === undefined) {
      const hint = layout.kind === 'matrix' ? ` or one tensor "${layout.input.name}"` : '';
      throw new RequestError(400, `unknown input "${given[i]}"; the model takes ${names.join(', ')}${hint}`);
    }
    ordered[j] = columns[i];
  }
  for (let j = 0; j < names.length; j++)
    if (ordered[j] === undefined) throw new RequestError(400, `missing input "${names[j]}"`);
  const row = (i: number) => Object.fromEntries(names.map((n, j) => [n, ordered[j].values[i]]));
  if (layout.kind === 'matrix') {
    const width = names.length;
    const data = new Float32Array(rows * width);
    for (let j = 0; j < width; j++) {
      const values = ordered[j].values;
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        if (v === null) data[r * width + j] = NaN;
        else if (typeof v !== 'number') {
          throw new RequestError(400, `input "${names[j]}": expected numbers, got ${show(v)}`);
        } else {
          data[r * width + j] = v;
          if (!Number.isFinite(data[r * width + j])) throw notFinite(names[j], r, 'FP32');
        }
      }
    }
    return { rows, feeds: { [layout.input.name]: new Tensor('float32', data, [rows, width]) }, row };
  }
  const feeds: Record<string, Tensor> = {};
  for (let j = 0; j < layout.inputs.length; j++) {
    const input = layout.inputs[j];
    const values = ordered[j].values;
    const dims = input.shape && input.shape.length === 1 ? [rows] : [rows, 1];
    if (input.type === 'string') {
      for (let r = 0; r < rows; r++)
        if (typeof values[r] !== 'string')
          throw new RequestError(
            400,
            `input "${input.name}": expects strings (BYTES), got ${show(values[r])}`
          );
      feeds[input.name] = new Tensor('string', values as string[], dims);
    } else if (input.type === 'int64' || input.type === 'int32') {
      const data = input.type === 'int64' ? new BigInt64Array(rows) : new Int32Array(rows);
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        if (typeof v !== 'number' || !Number.isInteger(v)) {
          throw new RequestError(400, `input "${input.name}": expects integers (INT64), got ${show(v)}`);
        }
        checkInteger(input.name, r, v, input.type);
        data[r] = (input.type === 'int64' ? BigInt(v) : v) as never;
      }
      feeds[input.name] = new Tensor(input.type, data, dims);
    } else {
      const data = input.type === 'double' ? new Float64Array(rows) : new Float32Array(rows);
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        if (v === null) data[r] = NaN;
        else if (typeof v !== 'number') {
          throw new RequestError(400, `input "${input.name}": expects numbers (FP32), got ${show(v)}`);
        } else {
          data[r] = v;
          if (!Number.isFinite(data[r]))
            throw notFinite(input.name, r, input.type === 'double' ? 'FP64' : 'FP32');
        }
      }
      feeds[input.name] = new Tensor(input.type === 'double' ? 'float64' : 'float32', data, dims);
    }
  }
  return { rows, feeds, row };
}

function readShape(shape: unknown, name: string): number[] {
  let valid = Array.isArray(shape) && shape.length > 0;
  if (valid) {
    const dims = shape as unknown[];
    for (let i = 0; i < dims.length && valid; i++) {
      const d = dims[i];
      valid = Number.isInteger(d) && (d as number) >= 0;
    }
  }
  if (!valid) throw new RequestError(400, `input "${name}": "shape" must be a list of non-negative integers`);
  return shape as number[];
}

/**
 * The data of a tensor, flat. Nested data follows the shape: `shape[0]` arrays of `shape[1]` values
 * (else [[33, 40]] would pass as 2 rows of 1). Its depth is checked first, along the first items and
 * without recursion, so a deeply nested body is refused instead of overflowing the stack.
 */
function flatData(data: unknown, name: string, shape: number[]): unknown[] {
  if (!Array.isArray(data)) throw new RequestError(400, `input "${name}": "data" must be an array`);
  if (data.length === 0 || !Array.isArray(data[0])) return data;
  const rank = shape.length;
  let first: unknown = data;
  for (let depth = 0; Array.isArray(first); depth++) {
    if (depth >= rank) throw tooDeep(name, rank);
    first = (first as unknown[])[0];
  }
  if (data.length !== shape[0]) throw nestingMismatch(name, shape, `has ${data.length} items`);
  let level: unknown[] = data;
  for (let depth = 1; depth < rank; depth++) {
    for (let i = 0; i < level.length; i++) {
      const item = level[i];
      if (!Array.isArray(item) || item.length !== shape[depth]) {
        const got = Array.isArray(item) ? `${item.length} items` : show(item);
        throw nestingMismatch(name, shape, `item ${i} at depth ${depth} is ${got}`);
      }
    }
    level = level.flat();
  }
  if (level.some(Array.isArray)) throw tooDeep(name, rank);
  return level;
}

function tooDeep(name: string, rank: number): RequestError {
  return new RequestError(400, `input "${name}": "data" is nested deeper than its ${rank}-dimensional shape`);
}

function nestingMismatch(name: string, shape: number[], what: string): RequestError {
  return new RequestError(
    400,
    `input "${name}": nested "data" does not match its shape [${shape.join(', ')}]: it ${what}`
  );
}

/** The width a matrix model takes: its input's second dim, or (symbolic) the count of its feature names. */
export function matrixWidth(layout: Extract<InputLayout, { kind: 'matrix' }>): number | null {
  const dim = layout.input.shape?.[1];
  if (typeof dim === 'number') return dim;
  return layout.features?.length ?? null;
}

/** A value for an error message: short, and never a walk through a deeply nested client value. */
export function show(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Where a value landed in a float tensor that cannot hold it (±Infinity in JSON is a number beyond 1e308). */
function notFinite(name: string, row: number, datatype: 'FP32' | 'FP64'): RequestError {
  return outOfRange(name, row, Infinity, datatype, RANGES.get(datatype)!);
}

/** A value outside its declared datatype's range, named by input and row. */
function outOfRange(
  name: string,
  row: number,
  value: number,
  datatype: string,
  range: DatatypeRange
): RequestError {
  const where = `input "${name}", row ${row}`;
  if (range.integer)
    return new RequestError(400, `${where}: ${value} is outside the ${datatype} range ${range.text}`);
  return new RequestError(
    400,
    `${where}: the value is out of the ${datatype} range (|x| ≤ ${range.text}); send null for a missing value`
  );
}

/** An integer the input type cannot hold exactly (BigInt64Array and Int32Array would wrap it silently). */
function checkInteger(name: string, row: number, value: number, type: 'int64' | 'int32'): void {
  const ok = type === 'int64' ? Number.isSafeInteger(value) : (value | 0) === value;
  if (!ok) {
    const range = type === 'int64' ? '±9007199254740991' : '-2147483648..2147483647';
    throw new RequestError(
      400,
      `input "${name}", row ${row}: ${value} is outside the ${type.toUpperCase()} range ${range}`
    );
  }
}

function checkRows(rows: number, maxRows: number): void {
  if (rows < 1) throw new RequestError(400, 'the request has no rows');
  if (rows > maxRows) throw new RequestError(413, `the request has ${rows} rows; the limit is ${maxRows}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

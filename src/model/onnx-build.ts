import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX tensor element types used by mlci. */
export const ElemType = { float: 1, int32: 6, int64: 7, string: 8, bool: 9, double: 11 } as const;
export type ElemTypeName = keyof typeof ElemType;

/** An attribute value of a node: number (float), integer (bigint-free int), string, or lists of those. */
export type AttributeValue =
  | { f: number }
  | { i: number }
  | { s: string }
  | { floats: number[] }
  | { ints: number[] }
  | { strings: string[] };

/**
 * A small builder of ONNX graphs on top of onnx-proto, enough to export linear and tree models
 * from TypeScript trainers and to build test models. Dimensions given as strings are symbolic.
 */
export class OnnxGraphBuilder {
  private readonly nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  private readonly initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  private readonly inputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly outputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly domains = new Set<string>();
  private counter = 0;

  /** Declares a graph input. */
  input(name: string, type: ElemTypeName, dims: (number | string)[]): this {
    this.inputs.push(valueInfo(name, type, dims));
    return this;
  }

  /** Declares a graph output. */
  output(name: string, type: ElemTypeName, dims: (number | string)[]): this {
    this.outputs.push(valueInfo(name, type, dims));
    return this;
  }

  /** Adds a constant float tensor and returns its name. */
  floatConstant(dims: number[], values: ArrayLike<number>, name = this.fresh('const')): string {
    this.initializers.push(
      onnx.TensorProto.create({ name, dims, dataType: ElemType.float, floatData: Array.from(values) })
    );
    return name;
  }

  /** Adds a constant int64 tensor and returns its name. */
  int64Constant(dims: number[], values: number[], name = this.fresh('const')): string {
    this.initializers.push(
      onnx.TensorProto.create({ name, dims, dataType: ElemType.int64, int64Data: values })
    );
    return name;
  }

  /** Adds a node and returns the name of its first output. */
  node(
    opType: string,
    inputs: string[],
    options: { outputs?: string[]; domain?: string; attributes?: Record<string, AttributeValue> } = {}
  ): string {
    const outputs = options.outputs ?? [this.fresh(opType.toLowerCase())];
    if (options.domain) this.domains.add(options.domain);
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        input: inputs,
        output: outputs,
        domain: options.domain ?? '',
        name: this.fresh(`${opType}_node`),
        attribute: Object.entries(options.attributes ?? {}).map(([name, value]) => attribute(name, value))
      })
    );
    return outputs[0];
  }

  /** A fresh, unused value name. */
  fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  /** Serialises the model. `metadata` becomes metadata_props (values JSON-encoded unless strings). */
  toBytes(
    options: { opset?: number; mlOpset?: number; producer?: string; metadata?: Record<string, unknown> } = {}
  ): Uint8Array {
    const opsetImport = [onnx.OperatorSetIdProto.create({ domain: '', version: options.opset ?? 13 })];
    if (this.domains.has('ai.onnx.ml')) {
      opsetImport.push(
        onnx.OperatorSetIdProto.create({ domain: 'ai.onnx.ml', version: options.mlOpset ?? 3 })
      );
    }
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: options.producer ?? 'mlci',
      producerVersion: '1',
      opsetImport,
      // An entry set to undefined is left out (a test builds a model without feature_names that way).
      metadataProps: Object.entries(options.metadata ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) =>
          onnx.StringStringEntryProto.create({
            key,
            value: typeof value === 'string' ? value : JSON.stringify(value)
          })
        ),
      graph: onnx.GraphProto.create({
        name: 'mlci',
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs
      })
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: ElemTypeName, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: ElemType[type],
        shape: onnx.TensorShapeProto.create({
          dim: dims.map((d) =>
            typeof d === 'number'
              ? onnx.TensorShapeProto.Dimension.create({ dimValue: d })
              : onnx.TensorShapeProto.Dimension.create({ dimParam: d })
          )
        })
      })
    })
  });
}

const AttributeType = onnx.AttributeProto.AttributeType;

function attribute(name: string, value: AttributeValue) {
  const encoder = new TextEncoder();
  if ('f' in value) return onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: value.f });
  if ('i' in value) return onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value.i });
  if ('s' in value)
    return onnx.AttributeProto.create({ name, type: AttributeType.STRING, s: encoder.encode(value.s) });
  if ('floats' in value)
    return onnx.AttributeProto.create({ name, type: AttributeType.FLOATS, floats: value.floats });
  if ('ints' in value)
    return onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: value.ints });
  return onnx.AttributeProto.create({
    name,
    type: AttributeType.STRINGS,
    strings: value.strings.map((s) => encoder.encode(s))
  });
}

/** A linear model: for binary a logistic regression, multiclass a softmax regression, regression a linear one. */
export interface LinearModelSpec {
  task: 'binary' | 'multiclass' | 'regression';
  featureNames: string[];
  /** weights[f][k]: one column for binary and regression, one per class for multiclass. */
  weights: number[][];
  bias: number[];
  /** 'matrix': one input `input` [N, F]; 'columns': one float input [N, 1] per feature, named after it. */
  inputMode?: 'matrix' | 'columns';
  classes?: (string | number)[];
  metadata?: Record<string, unknown>;
}

/** Exports a linear model to ONNX bytes, with probabilities [N, C] for classifiers. */
export function linearModelOnnx(spec: LinearModelSpec): Uint8Array {
  const g = new OnnxGraphBuilder();
  const features = spec.featureNames.length;
  const outputsPerRow = spec.weights[0]?.length ?? 1;
  let matrix: string;
  if ((spec.inputMode ?? 'matrix') === 'matrix') {
    g.input('input', 'float', ['N', features]);
    matrix = 'input';
  } else {
    for (const name of spec.featureNames) g.input(name, 'float', ['N', 1]);
    matrix = g.node('Concat', spec.featureNames, { attributes: { axis: { i: 1 } } });
  }
  const w = g.floatConstant([features, outputsPerRow], spec.weights.flat());
  const b = g.floatConstant([outputsPerRow], spec.bias);
  const logits = g.node('Add', [g.node('MatMul', [matrix, w]), b]);
  if (spec.task === 'regression') {
    g.node('Identity', [logits], { outputs: ['variable'] });
    g.output('variable', 'float', ['N', 1]);
  } else if (spec.task === 'binary') {
    const p1 = g.node('Sigmoid', [logits]);
    const one = g.floatConstant([1], [1]);
    const p0 = g.node('Sub', [one, p1]);
    g.node('Concat', [p0, p1], { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
    g.output('probabilities', 'float', ['N', 2]);
  } else {
    g.node('Softmax', [logits], { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
    g.output('probabilities', 'float', ['N', outputsPerRow]);
  }
  const metadata: Record<string, unknown> = { feature_names: spec.featureNames, ...spec.metadata };
  if (spec.classes) metadata.classes = spec.classes;
  return g.toBytes({ metadata });
}

import onnxProto, { type onnx as OnnxTypes } from 'onnx-proto';

// onnx-proto is CommonJS: its namespace comes through the default export under ESM.
const { onnx } = onnxProto;
const { TensorProto, AttributeProto } = onnx;

/**
 * The bias classifier as an ONNX graph (opset 13), batched so a page is one run:
 * `feature_ids` int64 [sentences, features] and `feature_values` float32 [sentences, features]
 * → `contributions` float32 [sentences, features] = weights[ids] · values (the attribution of
 * every feature, straight from the model run) and `probability` float32 [sentences] =
 * sigmoid(Σ contributions + bias). `weights` gets one extra all-zero row (the pad id) so short
 * sentences are padded with it.
 */
export function buildBiasOnnx(weights: Float32Array, bias: number): Uint8Array {
  const table = new Float32Array(weights.length + 1);
  table.set(weights);
  const initializer = [
    tensor('weights', TensorProto.DataType.FLOAT, [table.length], new Uint8Array(table.buffer)),
    tensor('bias', TensorProto.DataType.FLOAT, [1], new Uint8Array(Float32Array.of(bias).buffer)),
    tensor('sum_axes', TensorProto.DataType.INT64, [1], new Uint8Array(BigInt64Array.of(1n).buffer)),
  ];
  const node = [
    onnx.NodeProto.create({ opType: 'Gather', input: ['weights', 'feature_ids'], output: ['feature_weights'], name: 'gather_weights' }),
    onnx.NodeProto.create({ opType: 'Mul', input: ['feature_weights', 'feature_values'], output: ['contributions'], name: 'contribute' }),
    onnx.NodeProto.create({
      opType: 'ReduceSum',
      input: ['contributions', 'sum_axes'],
      output: ['logit_no_bias'],
      name: 'sum_features',
      attribute: [AttributeProto.create({ name: 'keepdims', type: AttributeProto.AttributeType.INT, i: 0 })],
    }),
    onnx.NodeProto.create({ opType: 'Add', input: ['logit_no_bias', 'bias'], output: ['logit'], name: 'add_bias' }),
    onnx.NodeProto.create({ opType: 'Sigmoid', input: ['logit'], output: ['probability'], name: 'sigmoid' }),
  ];
  const graph = onnx.GraphProto.create({
    name: 'loupe_bias_classifier',
    node,
    initializer,
    input: [
      valueInfo('feature_ids', TensorProto.DataType.INT64, ['sentences', 'features']),
      valueInfo('feature_values', TensorProto.DataType.FLOAT, ['sentences', 'features']),
    ],
    output: [
      valueInfo('contributions', TensorProto.DataType.FLOAT, ['sentences', 'features']),
      valueInfo('probability', TensorProto.DataType.FLOAT, ['sentences']),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'loupe-train-bias',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 13 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tensor(name: string, dataType: number, dims: number[], rawData: Uint8Array): OnnxTypes.TensorProto {
  return TensorProto.create({ name, dataType, dims, rawData });
}

function valueInfo(name: string, elemType: number, dims: string[]): OnnxTypes.ValueInfoProto {
  const shape = onnx.TensorShapeProto.create({ dim: dims.map((dimParam) => onnx.TensorShapeProto.Dimension.create({ dimParam })) });
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType, shape }) }),
  });
}

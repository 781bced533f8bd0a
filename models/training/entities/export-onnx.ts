import onnxProto, { type onnx as OnnxTypes } from 'onnx-proto';

// onnx-proto is CommonJS: its namespace comes through the default export under ESM.
const { onnx } = onnxProto;

/** An emission table quantised per row: `weight[r][y] ≈ quantised[r][y] * rowScale[r]`. */
export interface QuantisedTable {
  readonly quantised: Int8Array;
  readonly rowScale: Float32Array;
  readonly rows: number;
  readonly labels: number;
}

/**
 * Quantises each row of `table` (`rows × labels`) to int8 with its own float32 scale. A row
 * holds one hashed feature's scores for every label, so one scale per row keeps small and large
 * features equally precise (one scale per label would round most features to zero).
 */
export function quantiseRows(table: Float32Array, rows: number, labels: number): QuantisedTable {
  const quantised = new Int8Array(rows * labels);
  const rowScale = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let y = 0; y < labels; y++) max = Math.max(max, Math.abs(table[r * labels + y] ?? 0));
    if (max === 0) continue;
    const scale = Math.fround(max / 127);
    rowScale[r] = scale;
    for (let y = 0; y < labels; y++) quantised[r * labels + y] = Math.round((table[r * labels + y] ?? 0) / scale);
  }
  return { quantised, rowScale, rows, labels };
}

const { TensorProto } = onnx;

/**
 * The emission graph: `feature_ids` int64 [tokens, perToken] → `emissions` float32
 * [tokens, labels] = Σ_f Cast(Gather(weights, ids))[t, f, :] · Gather(row_scale, ids)[t, f].
 * Opset 13, where ReduceSum takes its axes as an input tensor rather than an attribute.
 */
export function buildEmissionGraph(table: QuantisedTable, perToken: number, io: { input: string; output: string }): Uint8Array {
  const initializer = [
    tensorProto('weights', TensorProto.DataType.INT8, [table.rows, table.labels], new Uint8Array(table.quantised.buffer)),
    tensorProto('row_scale', TensorProto.DataType.FLOAT, [table.rows, 1], new Uint8Array(table.rowScale.buffer)),
    tensorProto('sum_axes', TensorProto.DataType.INT64, [1], new Uint8Array(new BigInt64Array([1n]).buffer)),
  ];
  const node = [
    onnx.NodeProto.create({ opType: 'Gather', input: ['weights', io.input], output: ['rows_q'], name: 'gather_weights' }),
    onnx.NodeProto.create({
      opType: 'Cast',
      input: ['rows_q'],
      output: ['rows_f'],
      name: 'dequantise',
      attribute: [onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: TensorProto.DataType.FLOAT })],
    }),
    onnx.NodeProto.create({ opType: 'Gather', input: ['row_scale', io.input], output: ['scales'], name: 'gather_scales' }),
    onnx.NodeProto.create({ opType: 'Mul', input: ['rows_f', 'scales'], output: ['scored'], name: 'scale' }),
    onnx.NodeProto.create({
      opType: 'ReduceSum',
      input: ['scored', 'sum_axes'],
      output: [io.output],
      name: 'sum_features',
      attribute: [onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 })],
    }),
  ];
  const graph = onnx.GraphProto.create({
    name: 'loupe_entity_emissions',
    node,
    initializer,
    input: [valueInfo(io.input, TensorProto.DataType.INT64, ['tokens', perToken])],
    output: [valueInfo(io.output, TensorProto.DataType.FLOAT, ['tokens', table.labels])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'loupe-train-entities',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 13 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tensorProto(name: string, dataType: number, dims: number[], rawData: Uint8Array): OnnxTypes.TensorProto {
  return TensorProto.create({ name, dataType, dims, rawData });
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]): OnnxTypes.ValueInfoProto {
  const shape = onnx.TensorShapeProto.create({
    dim: dims.map((d) =>
      typeof d === 'string'
        ? onnx.TensorShapeProto.Dimension.create({ dimParam: d })
        : onnx.TensorShapeProto.Dimension.create({ dimValue: d }),
    ),
  });
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType, shape }) }),
  });
}

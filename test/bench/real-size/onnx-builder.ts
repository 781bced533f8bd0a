/**
 * Graph builder for the real-size bench models: like the synthetic fixtures' builder, plus
 * random weight tensors (float32, or uint8 for the q8 exports), subgraphs for `If`, and the
 * `com.microsoft`-free opset 17 that onnxruntime-node and -web both run.
 */
import onnxProto, { type onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
export const FLOAT = DataType.FLOAT;
export const INT64 = DataType.INT64;
export const BOOL = DataType.BOOL;
const UINT8 = DataType.UINT8;

export type Dim = number | string;
type AttributeValue = number | number[] | string | OnnxTypes.IGraphProto;

/** Seeded xorshift: the same weights on every build, so a bench cache can be rebuilt identically. */
export function seededBytes(seed: number) {
  let state = seed >>> 0 || 1;
  return (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 255;
      bytes[i + 1] = (state >>> 8) & 255;
      bytes[i + 2] = (state >>> 16) & 255;
      bytes[i + 3] = (state >>> 24) & 255;
    }
    return bytes;
  };
}

export interface Graph {
  input(name: string, elemType: number, dims: Dim[]): void;
  output(name: string, elemType: number, dims: Dim[]): void;
  /** Random float32 weights with standard deviation ≈ 0.02 (as transformers are initialised). */
  randomFloats(name: string, dims: number[]): string;
  /** Random uint8 weights around zero point 128, with their scale and zero point. */
  randomBytes(name: string, dims: number[]): { q: string; scale: string; zeroPoint: string };
  floats(name: string, dims: number[], values: ArrayLike<number>): string;
  ints(name: string, dims: number[], values: ArrayLike<number>): string;
  node(opType: string, inputs: string[], outputs: string[], attributes?: Record<string, AttributeValue>): string;
  /** A graph for an `If` branch: it may read every value of this one. */
  branch(name: string): Graph;
  proto(name: string): OnnxTypes.IGraphProto;
  encode(name: string): Uint8Array;
}

function valueInfo(name: string, elemType: number, dims: Dim[]): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  };
}

function attribute(name: string, value: AttributeValue): OnnxTypes.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'number')
    return Number.isInteger(value) ? { name, type: AttributeType.INT, i: value } : { name, type: AttributeType.FLOAT, f: value };
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.GRAPH, g: value };
}

const STD = 0.02;

export function createGraph(seed: number, shared?: { initializer: OnnxTypes.ITensorProto[]; counter: { nodes: number } }): Graph {
  const inputs: OnnxTypes.IValueInfoProto[] = [];
  const outputs: OnnxTypes.IValueInfoProto[] = [];
  const initializer = shared?.initializer ?? [];
  const counter = shared?.counter ?? { nodes: 0 };
  const nodes: OnnxTypes.INodeProto[] = [];
  const fill = seededBytes(seed);
  const size = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
  const graph: Graph = {
    input: (name, elemType, dims) => void inputs.push(valueInfo(name, elemType, dims)),
    output: (name, elemType, dims) => void outputs.push(valueInfo(name, elemType, dims)),
    randomFloats(name, dims) {
      const bytes = fill(new Uint8Array(size(dims) + 3));
      const values = new Float32Array(size(dims));
      // Uniform on [-a, a] with a = STD·√3 has standard deviation STD.
      for (let i = 0; i < values.length; i++) values[i] = ((bytes[i]! / 255) * 2 - 1) * STD * Math.sqrt(3);
      initializer.push({ name, dataType: FLOAT, dims, rawData: new Uint8Array(values.buffer) });
      return name;
    },
    randomBytes(name, dims) {
      const bytes = fill(new Uint8Array(Math.ceil(size(dims) / 4) * 4)).subarray(0, size(dims));
      initializer.push({ name: `${name}_q`, dataType: UINT8, dims, rawData: bytes });
      graph.floats(`${name}_scale`, [], [(STD * Math.sqrt(3)) / 128]);
      initializer.push({ name: `${name}_zp`, dataType: UINT8, dims: [], rawData: Uint8Array.of(128) });
      return { q: `${name}_q`, scale: `${name}_scale`, zeroPoint: `${name}_zp` };
    },
    floats(name, dims, values) {
      initializer.push({ name, dataType: FLOAT, dims, rawData: new Uint8Array(Float32Array.from(values).buffer) });
      return name;
    },
    ints(name, dims, values) {
      initializer.push({
        name,
        dataType: INT64,
        dims,
        rawData: new Uint8Array(BigInt64Array.from(Array.from(values, (v) => BigInt(v))).buffer),
      });
      return name;
    },
    node(opType, nodeInputs, nodeOutputs, attributes = {}) {
      nodes.push({
        opType,
        input: nodeInputs,
        output: nodeOutputs,
        name: `${opType}_${counter.nodes++}`,
        attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
      });
      return nodeOutputs[0]!;
    },
    // A branch's weights go into the main graph's initialisers, which branches may read.
    branch: (name) => createGraph(seed + name.length + counter.nodes, { initializer, counter }),
    proto: (name) => ({ name, node: nodes, initializer: shared ? [] : initializer, input: inputs, output: outputs }),
    encode(name) {
      const model = onnx.ModelProto.create({
        irVersion: 8,
        producerName: 'loupe-bench-real-size',
        opsetImport: [{ domain: '', version: 17 }],
        graph: graph.proto(name),
      });
      return onnx.ModelProto.encode(model).finish();
    },
  };
  return graph;
}

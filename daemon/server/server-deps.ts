import type { ClientMessage, DescribeImageParams, AnalyzeParams, EngineInfo, ResultPayload } from '../../shared/protocol/messages';
import type { Analysis, ImageDescription } from '../../shared/protocol/results';
import type { Logger } from '../logger';
import type { Admission } from './admission';
import type { ServerLimits } from './frame-limits';
import type { Progress } from './replies';

/** Runs the text pipelines; must stop (throw) soon after `signal` aborts. */
export type AnalyzeFn = (
  params: AnalyzeParams,
  options: { signal: AbortSignal; onProgress: (progress: Progress) => void },
) => Promise<Analysis>;

export interface DescribeImageInput {
  context: ImageDescription['context'];
  /** Text read from the pixels, when an OCR reader is installed. */
  ocrText?: string;
  tier: DescribeImageParams['tier'];
  /** The decoded image re-encoded as PNG (already checked to be a real, bounded image). */
  png: Uint8Array;
  /** Why there is no OCR text although a reader is installed (shown in provenance). */
  ocrUnavailable?: string;
}

/** Describes an image from its context, OCR text and pixels. */
export type DescribeImageFn = (input: DescribeImageInput, options: { signal: AbortSignal }) => Promise<ImageDescription>;

/** Reads the text inside an image (OCR); given a PNG. */
export type ReadImageTextFn = (png: Uint8Array) => Promise<string>;

/** What the request handlers need from the daemon; every part is injected. */
export interface ServerDeps {
  readonly analyze: AnalyzeFn;
  readonly describeImage: DescribeImageFn;
  readonly readImageText?: ReadImageTextFn;
  readonly engineInfo: () => EngineInfo;
  readonly logger: Logger;
  readonly limits: ServerLimits;
  /** The bound on requests doing work across every connection. */
  readonly admission: Admission;
  /** The largest image whose binary frame (with the longest header) fits the frame limit. */
  readonly maxImageBytes: number;
}

/** What one request's handler may do on its connection. */
export interface HandlerContext {
  readonly deps: ServerDeps;
  readonly signal: AbortSignal;
  progress(progress: Progress): void;
  /** Waits (bounded) for the binary frame carrying this request's bytes. */
  receiveBinary(byteLength: number): Promise<Uint8Array>;
  /** Aborts another in-flight request of this connection; false when none had that id. */
  cancel(target: string): boolean;
}

export type Handler<T extends ClientMessage['type']> = (
  message: Extract<ClientMessage, { type: T }>,
  context: HandlerContext,
) => Promise<ResultPayload>;

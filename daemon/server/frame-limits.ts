import { INPUT_LIMITS, MAX_BINARY_FRAME_BYTES, MAX_TEXT_FRAME_BYTES } from '../../shared/limits';

const MiB = 1024 * 1024;

/**
 * Frames up to `maxPayload` are read and, when over the application limits, answered with a
 * typed `frame-too-large` error on a connection that keeps working. Beyond `maxPayload` the `ws`
 * library closes the connection with code 1009 (message too big) without reading the frame.
 */
export interface FrameLimits {
  readonly maxTextBytes: number;
  readonly maxBinaryBytes: number;
  readonly maxPayload: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = {
  maxTextBytes: MAX_TEXT_FRAME_BYTES,
  // An image of exactly the byte limit fits: the frame's header is counted on top of it.
  maxBinaryBytes: MAX_BINARY_FRAME_BYTES,
  maxPayload: Math.max(MAX_TEXT_FRAME_BYTES, MAX_BINARY_FRAME_BYTES) + MiB,
};

export interface ServerLimits {
  /** Requests one connection may have in flight before more get `overloaded`. */
  readonly maxInFlight: number;
  /** Requests all connections together may have in flight before more get `overloaded`. */
  readonly maxGlobalInFlight: number;
  /** A request still running after this long is stopped and answered `timeout`. */
  readonly requestDeadlineMs: number;
  /** How long describe-image waits for its binary frame. */
  readonly binaryWaitMs: number;
  readonly heartbeatMs: number;
  /** Connections not (yet) an authenticated session; beyond this the oldest is dropped. */
  readonly maxPendingConnections: number;
  /** A connection must have sent its whole HTTP request within this time. */
  readonly headersTimeoutMs: number;
  /** Decompression-bomb guard: images with more pixels are refused. */
  readonly maxImagePixels: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxInFlight: 4,
  maxGlobalInFlight: 64,
  // Long enough for a full-tier summary of a long page on a CPU, short enough that a stuck
  // request gives its place back.
  requestDeadlineMs: 120_000,
  binaryWaitMs: 10_000,
  heartbeatMs: 30_000,
  maxPendingConnections: 64,
  headersTimeoutMs: 10_000,
  maxImagePixels: INPUT_LIMITS.maxImagePixels,
};

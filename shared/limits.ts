import { LoupeError } from './protocol/errors';

/**
 * Every input limit Loupe enforces, stated once. The extension caps what it captures with them,
 * the daemon refuses frames and requests beyond them, the CLI refuses files beyond them, and the
 * engines check them before any work starts, so a page can cost only a bounded amount of work.
 */
export const INPUT_LIMITS = {
  /** UTF-16 code units of text in one analysis (what the extension captures from one page). */
  maxTextChars: 2_000_000,
  /** Sentences in one analysis, after segmentation. */
  maxSentences: 20_000,
  /** Bytes of one image sent for a description. */
  maxImageBytes: 16 * 1024 * 1024,
  /** Pixels (width × height) an image may declare: larger ones are refused as decompression bombs. */
  maxImagePixels: 40_000_000,
  /** Bytes of an HTML file or fetched page the CLI parses before extracting its text. */
  maxHtmlBytes: 8 * 1024 * 1024,
} as const;

/**
 * The longest text frame the daemon reads: the request envelope plus {@link INPUT_LIMITS}
 * `maxTextChars` at up to three UTF-8 bytes each (any character of the Basic Multilingual Plane).
 */
export const MAX_TEXT_FRAME_BYTES = INPUT_LIMITS.maxTextChars * 3 + 64 * 1024;

/** A binary frame's header: a 4-byte id length and an id of at most 64 ASCII bytes. */
export const BINARY_FRAME_HEADER_BYTES = 4 + 64;

/** The longest binary frame: an image of exactly `maxImageBytes` plus the longest header. */
export const MAX_BINARY_FRAME_BYTES = INPUT_LIMITS.maxImageBytes + BINARY_FRAME_HEADER_BYTES;

/**
 * Model files whose size the catalogue does not record are never accepted beyond these byte
 * counts: JSON and text files (configs, tokenizers) and weights.
 */
export const UNRECORDED_MODEL_FILE_LIMITS = {
  text: 64 * 1024 * 1024,
  weights: 2 * 1024 * 1024 * 1024,
} as const;

const count = (n: number) => n.toLocaleString('en');

const SELECT_A_PART = 'select a part of the page and analyse the selection';

/**
 * `length` is at most `maxTextChars`; otherwise `input-too-large` naming the limit and `fix`
 * (what the user can do instead; by default, analyse a selection).
 */
export function checkTextLength(length: number, fix = SELECT_A_PART): void {
  if (length > INPUT_LIMITS.maxTextChars) {
    throw new LoupeError(
      'input-too-large',
      `The text is ${count(length)} characters, over Loupe's ${count(INPUT_LIMITS.maxTextChars)}-character limit; ${fix}.`,
    );
  }
}

/** `bytes` of HTML is at most `maxHtmlBytes`; otherwise `input-too-large` naming the limit and `fix`. */
export function checkHtmlBytes(bytes: number, fix: string): void {
  if (bytes > INPUT_LIMITS.maxHtmlBytes) {
    throw new LoupeError(
      'input-too-large',
      `The page is ${count(bytes)} bytes of HTML, over Loupe's ${count(INPUT_LIMITS.maxHtmlBytes)}-byte limit; ${fix}.`,
    );
  }
}

/** At most `maxSentences` sentences; otherwise `input-too-large` naming the limit and the fix. */
export function checkSentenceCount(sentences: number): void {
  if (sentences > INPUT_LIMITS.maxSentences) {
    throw new LoupeError(
      'input-too-large',
      `The text has ${count(sentences)} sentences, over Loupe's ${count(INPUT_LIMITS.maxSentences)}-sentence limit; ${SELECT_A_PART}.`,
    );
  }
}

/** At most `maxImageBytes`; otherwise `input-too-large` naming the limit. */
export function checkImageBytes(bytes: number): void {
  if (bytes > INPUT_LIMITS.maxImageBytes) {
    throw new LoupeError(
      'input-too-large',
      `The image is ${count(bytes)} bytes, over Loupe's ${count(INPUT_LIMITS.maxImageBytes)}-byte (16 MiB) limit; send a smaller rendition.`,
    );
  }
}

import { describeCheckSource, type FileCheck, type Mismatch } from '../../shared/models/file-check';
import { LoupeError } from '../../shared/protocol/errors';
import { HttpStatusError, type OversizeError } from './download-file';
import type { FileJob } from './pull-context';

const USE_THE_HUB = 'unset LOUPE_MODEL_MIRROR to use https://huggingface.co';

export function downloadError(job: FileJob, url: string, error: unknown, completed: number): LoupeError {
  const { entry, ctx } = job;
  if (error instanceof HttpStatusError) {
    return new LoupeError(
      'model-missing',
      `Could not download ${job.file.path} of ${entry.id}: ${error.url} answered ${error.status} ${error.statusText}. ` +
        `The mirror (LOUPE_MODEL_MIRROR=${ctx.mirror}) must serve the Hugging Face layout <mirror>/<repo>/resolve/<revision>/<file>; ${USE_THE_HUB}.`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new LoupeError(
    'model-missing',
    `Download of ${job.file.path} of ${entry.id} from ${url} failed after ${completed} bytes (${reason}). ` +
      `Check the connection to ${ctx.mirror} (LOUPE_MODEL_MIRROR), then run \`loupe models pull ${entry.id}\` again: it resumes where it stopped.`,
    { cause: error },
  );
}

/** `size`: the size the download was held to, when catalogue or mirror gave one. */
export function oversizeError(job: FileJob, error: OversizeError, size: FileCheck['size']): LoupeError {
  const limit = size
    ? `the ${size.bytes}-byte size in ${describeCheckSource(size.from)}`
    : `the ${error.limit}-byte limit for a file whose size Loupe's catalogue does not pin`;
  return new LoupeError(
    'model-corrupt',
    `${job.file.path} of ${job.entry.id}: the mirror sent or announced ${error.received} bytes, more than ${limit}; the download was discarded. ` +
      `The mirror (LOUPE_MODEL_MIRROR=${job.ctx.mirror}) serves a different file: check it, or ${USE_THE_HUB}.`,
  );
}

/** The mirror contradicts what Loupe pins or recorded: refused before a byte is downloaded. */
export function mismatchError(job: FileJob, reason: string): LoupeError {
  return new LoupeError(
    'model-corrupt',
    `${job.file.path} of ${job.entry.id}: ${reason}, so Loupe does not download it. ` +
      `The mirror (LOUPE_MODEL_MIRROR=${job.ctx.mirror}) offers another file than the one Loupe expects: check it, or ${USE_THE_HUB}.`,
  );
}

export function unverifiedError(job: FileJob, url: string): LoupeError {
  const { file, entry } = job;
  return new LoupeError(
    'model-missing',
    `${file.path} of ${entry.id}: Loupe's catalogue pins no sha256 for it and the mirror declares no digest ` +
      `(its answer to HEAD ${url} has no X-Linked-Etag sha256 and no ETag that is a git blob id), so Loupe cannot check what it would download and does not install it. ` +
      `Use a mirror that passes on the Hub's headers (${USE_THE_HUB}), or run \`loupe models pull ${entry.id} --allow-unverified\` ` +
      'to install it as served: its sha256 is then recorded and checked from then on.',
  );
}

export function corruptError(job: FileJob, mismatch: Mismatch): LoupeError {
  return new LoupeError(
    'model-corrupt',
    `${job.file.path} of ${job.entry.id} failed its checksum against ${describeCheckSource(mismatch.from)} ` +
      `(expected ${mismatch.expected}, got ${mismatch.actual}); the download was discarded. ` +
      `Run \`loupe models pull ${job.entry.id}\` to fetch it again; if this repeats, the mirror (LOUPE_MODEL_MIRROR=${job.ctx.mirror}) serves different bytes.`,
  );
}

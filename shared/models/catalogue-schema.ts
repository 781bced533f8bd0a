import { z } from 'zod';

/** The tasks a catalogued model can serve. */
export const MODEL_TASKS = ['summary', 'entities', 'caption', 'bias', 'ocr'] as const;
export const ModelTaskSchema = z.enum(MODEL_TASKS);
export type ModelTask = z.infer<typeof ModelTaskSchema>;

/**
 * Weight variants, named as transformers.js names its `dtype` option: `q8` is the
 * `*_quantized.onnx` export, `int8`/`uint8`/`q4`/`q4f16`/`bnb4` the `*_<dtype>.onnx` ones.
 */
export const DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const;
export const DtypeSchema = z.enum(DTYPES);
export type Dtype = z.infer<typeof DtypeSchema>;

/** Lowercase hex sha256. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits');

/** A 40-digit git commit: the only revision that pins a Hugging Face repository. */
export const CommitShaSchema = z.string().regex(/^[0-9a-f]{40}$/);

/** A relative POSIX path inside a model's source, never escaping it. */
export const ModelFilePathSchema = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '..' || s === '.' || s === ''), {
    message: 'file paths are relative, use "/" and never contain "." or ".." segments',
  });

/** One file of a model; size and sha256 are recorded where known (else on first pull). */
export const CatalogueFileSchema = z.strictObject({
  path: ModelFilePathSchema,
  size: z.number().int().nonnegative().optional(),
  sha256: Sha256Schema.optional(),
  /** Set on weight files: the variant they belong to. Files without it are always needed. */
  dtype: DtypeSchema.optional(),
});
export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;

const HuggingFaceSourceSchema = z.strictObject({
  kind: z.literal('huggingface'),
  repo: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a Hugging Face repo is owner/name'),
  /** The commit every file is pulled at: a branch could move under the recorded digests. */
  revision: CommitShaSchema,
  /** Where the revision (and the files' sizes and digests) were read. */
  revisionNote: z.string().min(1).optional(),
  /** The model this export was converted from, when it is a conversion. */
  baseModel: z.string().optional(),
});

const BundledSourceSchema = z.strictObject({
  kind: z.literal('bundled'),
  /** Folder inside this repository, e.g. `models/lite/entities`. */
  dir: ModelFilePathSchema,
});

const NpmSourceSchema = z.strictObject({
  kind: z.literal('npm'),
  package: z.string().min(1),
  version: z.string().min(1),
});

export const ModelSourceSchema = z.discriminatedUnion('kind', [HuggingFaceSourceSchema, BundledSourceSchema, NpmSourceSchema]);
export type ModelSource = z.infer<typeof ModelSourceSchema>;

/** A figure the model's authors published, with where it was read. */
export const PublishedFigureSchema = z.strictObject({
  metric: z.string().min(1),
  value: z.number(),
  dataset: z.string().min(1),
  source: z.string().url(),
  note: z.string().optional(),
});

export const CatalogueEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids look like owner/name or lite/name'),
    task: ModelTaskSchema,
    tier: z.enum(['lite', 'full']),
    /** Where it prefers to run. */
    runsOn: z.enum(['daemon', 'browser', 'both']),
    source: ModelSourceSchema,
    /** SPDX identifier of the weights' licence. */
    licence: z.string().min(1),
    /** Why this model (and why its licence allows shipping or pulling it). */
    why: z.string().min(1),
    defaultDtype: DtypeSchema,
    files: z.array(CatalogueFileSchema).min(1),
    publishedFigures: z.array(PublishedFigureSchema).default([]),
  })
  .superRefine((entry, ctx) => {
    const paths = entry.files.map((f) => f.path);
    const dup = paths.find((p, i) => paths.indexOf(p) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['files'], message: `file ${dup} is listed twice` });
    if (!entry.files.some((f) => f.dtype === entry.defaultDtype)) {
      ctx.addIssue({ code: 'custom', path: ['defaultDtype'], message: `no file has dtype ${entry.defaultDtype}` });
    }
    if ((entry.tier === 'full') !== (entry.source.kind === 'huggingface')) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'full models come from Hugging Face; lite ones ship with Loupe' });
    }
  });
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

export const CatalogueSchema = z
  .strictObject({
    version: z.literal(1),
    models: z.array(CatalogueEntrySchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.models.forEach((model, i) => {
      if (seen.has(model.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `id ${model.id} appears twice` });
      seen.add(model.id);
    });
  });
export type Catalogue = z.infer<typeof CatalogueSchema>;

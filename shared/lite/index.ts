/** The lite pipelines, identical in the extension and the daemon. */
export { analyzeText, LITE_METHOD_IDS, type AnalyzeTextOptions, type AbortSignalLike } from './analyze-text';
export { BIAS_CUES, BiasCueSchema, type BiasCue } from './bias-cues';
export { describeImageLite, type DescribeImageLiteOptions } from './describe-image-lite';
export { findCapitalisedEntities } from './find-capitalised-entities';
export { findPatternEntities } from './find-pattern-entities';
export { flagBiasByRules } from './flag-bias-by-rules';
export type { BiasModel, EntityModel, LiteModels } from './lite-models';
export { mergeEntities } from './merge-entities';
export {
  DEFAULT_SUMMARY_PARAMS, SummaryParamsSchema, summarizeExtractive, type SummarizeOptions, type SummaryParams,
} from './summarize-extractive';
export { segmentSentences } from '../text/segment-sentences';
export { tokenizeWords } from '../text/tokenize-words';

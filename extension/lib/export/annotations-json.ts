import { z } from 'zod';
import { BiasCategorySchema, EntityTypeSchema, ProvenanceSchema, type Analysis } from '../../../shared/protocol/results';
import { describeAnchor, TextQuoteSelectorSchema, TextPositionSelectorSchema } from '../anchoring/text-anchor';
import { isDismissed, type Dismissals } from '../dismissals';
import type { TabState } from '../tab-state';

const TargetSchema = z.strictObject({ quote: TextQuoteSelectorSchema, position: TextPositionSelectorSchema });

/** The JSON export: each annotation carries W3C-style selectors into the analysed text. */
export const AnnotationsExportSchema = z.strictObject({
  format: z.literal('loupe-annotations'),
  version: z.literal(1),
  url: z.string(),
  title: z.string(),
  exportedAt: z.string(),
  summary: z.strictObject({
    provenance: ProvenanceSchema,
    generated: z.string().optional(),
    points: z.array(z.strictObject({ text: z.string(), score: z.number(), target: TargetSchema })),
  }).optional(),
  entities: z.strictObject({
    provenance: ProvenanceSchema,
    items: z.array(z.strictObject({ type: EntityTypeSchema, text: z.string(), target: TargetSchema })),
  }).optional(),
  bias: z.strictObject({
    provenance: ProvenanceSchema,
    flags: z.array(z.strictObject({
      category: BiasCategorySchema, text: z.string(), explanation: z.string(), cues: z.array(z.string()),
      suggestion: z.string().optional(), target: TargetSchema,
    })),
    /** Flags the user dismissed on the site, left out of `flags`. */
    dismissedLeftOut: z.number().int().nonnegative().default(0),
  }).optional(),
});
export type AnnotationsExport = z.infer<typeof AnnotationsExportSchema>;

function target(analysis: Analysis, span: { start: number; end: number }) {
  return describeAnchor(analysis.text, span.start, span.end);
}

/** The tab's annotations as a JSON document; dismissed flags are left out and counted. */
export function annotationsToJson(state: TabState, dismissals: Dismissals, now: Date = new Date()): AnnotationsExport {
  const analysis = state.analysis;
  const out: AnnotationsExport = {
    format: 'loupe-annotations', version: 1, url: state.url ?? '', title: state.title ?? '', exportedAt: now.toISOString(),
  };
  if (!analysis) return out;
  const { summary, entities, bias } = analysis;
  if (summary) {
    out.summary = {
      provenance: summary.provenance,
      ...(summary.generated ? { generated: summary.generated } : {}),
      points: summary.sentences.map((s) => ({ text: s.text, score: s.score, target: target(analysis, s) })),
    };
  }
  if (entities) {
    out.entities = { provenance: entities.provenance, items: entities.items.map((e) => ({ type: e.type, text: e.text, target: target(analysis, e) })) };
  }
  if (bias) {
    const kept = bias.flags.filter((f) => !isDismissed(dismissals, f));
    out.bias = {
      provenance: bias.provenance,
      dismissedLeftOut: bias.flags.length - kept.length,
      flags: kept.map((f) => ({
        category: f.category, text: f.text, explanation: f.explanation, cues: f.cues.map((c) => c.text),
        ...(f.suggestion ? { suggestion: f.suggestion } : {}), target: target(analysis, f),
      })),
    };
  }
  return out;
}

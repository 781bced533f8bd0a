import { z } from 'zod';
import { BiasCategorySchema, EntityTypeSchema, ProvenanceSchema, WithheldSchema } from '../../../shared/protocol/results';
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
  summary: z
    .strictObject({
      provenance: ProvenanceSchema,
      generated: z.string().optional(),
      points: z.array(z.strictObject({ text: z.string(), score: z.number(), target: TargetSchema })),
      /** Why the section is empty by design (a recipe, a page in another language), as the panel says. */
      withheld: WithheldSchema.optional(),
    })
    .optional(),
  entities: z
    .strictObject({
      provenance: ProvenanceSchema,
      items: z.array(z.strictObject({ type: EntityTypeSchema, text: z.string(), target: TargetSchema })),
      withheld: WithheldSchema.optional(),
    })
    .optional(),
  bias: z
    .strictObject({
      provenance: ProvenanceSchema,
      flags: z.array(
        z.strictObject({
          category: BiasCategorySchema,
          text: z.string(),
          explanation: z.string(),
          cues: z.array(z.string()),
          suggestion: z.string().optional(),
          target: TargetSchema,
        }),
      ),
      /** Flags the user dismissed on the site, left out of `flags`. */
      dismissedLeftOut: z.number().int().nonnegative().default(0),
      withheld: WithheldSchema.optional(),
    })
    .optional(),
});
export type AnnotationsExport = z.infer<typeof AnnotationsExportSchema>;

/**
 * The analysed text lives only in the page (the analysis carries spans): with it, each quote gets
 * its context; without it (the page was closed or reloaded), just the span's own words.
 */
function targetIn(text: string | undefined) {
  return (span: { start: number; end: number; text: string }) => {
    if (text !== undefined && text.slice(span.start, span.end) === span.text) return describeAnchor(text, span.start, span.end);
    const anchor = describeAnchor(span.text, 0, span.text.length);
    return { ...anchor, position: { ...anchor.position, start: span.start, end: span.end } };
  };
}

/**
 * The tab's annotations as a JSON document; dismissed flags are left out and counted.
 * @param text the captured text the spans index into (the content script keeps it).
 */
export function annotationsToJson(state: TabState, dismissals: Dismissals, now: Date = new Date(), text?: string): AnnotationsExport {
  const analysis = state.analysis;
  const target = targetIn(text);
  const out: AnnotationsExport = {
    format: 'loupe-annotations',
    version: 1,
    url: state.url ?? '',
    title: state.title ?? '',
    exportedAt: now.toISOString(),
  };
  if (!analysis) return out;
  const { summary, entities, bias } = analysis;
  if (summary) {
    out.summary = {
      provenance: summary.provenance,
      ...(summary.generated ? { generated: summary.generated } : {}),
      points: summary.sentences.map((s) => ({ text: s.text, score: s.score, target: target(s) })),
      ...(summary.withheld ? { withheld: summary.withheld } : {}),
    };
  }
  if (entities) {
    out.entities = {
      provenance: entities.provenance,
      items: entities.items.map((e) => ({ type: e.type, text: e.text, target: target(e) })),
      ...(entities.withheld ? { withheld: entities.withheld } : {}),
    };
  }
  if (bias) {
    const kept = bias.flags.filter((f) => !isDismissed(dismissals, f));
    out.bias = {
      provenance: bias.provenance,
      dismissedLeftOut: bias.flags.length - kept.length,
      flags: kept.map((f) => ({
        category: f.category,
        text: f.text,
        explanation: f.explanation,
        cues: f.cues.map((c) => c.text),
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
        target: target(f),
      })),
      ...(bias.withheld ? { withheld: bias.withheld } : {}),
    };
  }
  return out;
}

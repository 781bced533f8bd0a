import { evaluateEntities } from '../../../models/training/entities/evaluate-entities';
import type { SpanScores } from '../../../models/training/entities/span-f1';
import { pct } from '../format-table';
import type { TaskReport } from '../headline-row';

/** Span F1 of the lite tagger vs compromise on CoNLL-2003 eng.testa. */
export async function entitiesTables(dataDir: string): Promise<TaskReport> {
  const result = await evaluateEntities(dataDir);
  const types = Object.keys(result.perType).filter((type) => type !== 'ALL');
  const baseline = result.compromise;
  const shared = ourScoresOn(result.perType, ['PER', 'ORG', 'LOC']);
  const headline = [{
    what: 'entities, span F1, CoNLL-2003',
    dev: `${pct(result.f1)} (${result.split}; PER/ORG/LOC ${pct(shared.f1)})`,
    test: '—',
    baseline: `compromise ${pct(baseline.f1)} (PER/ORG/LOC)`,
  }];
  const tables = [
    {
      title: `Entities — CoNLL-2003 ${result.split}, ${result.documents} documents, exact span + type (%)`,
      columns: ['type', 'Loupe P', 'Loupe R', 'Loupe F1', 'compromise P', 'compromise R', 'compromise F1'],
      rows: [
        ['overall (4 types)', pct(result.precision), pct(result.recall), pct(result.f1), '—', '—', '—'],
        ['PER+ORG+LOC', pct(shared.precision), pct(shared.recall), pct(shared.f1), pct(baseline.precision), pct(baseline.recall), pct(baseline.f1)],
        ...types.map((type) => {
          const ours = result.perType[type];
          const theirs = baseline.perType[type];
          return [type, pct(ours?.precision), pct(ours?.recall), pct(ours?.f1), pct(theirs?.precision), pct(theirs?.recall), pct(theirs?.f1)];
        }),
      ],
      notes: [`model ${result.model}; compromise is scored on PER/ORG/LOC only (it has no MISC), so the like-for-like row is PER+ORG+LOC.`,
        `goal: overall span F1 on eng.testa ≥ 88 (${result.f1 >= 0.88 ? 'met' : 'NOT met'}); eng.testa also chose the training epoch, so the figure is slightly optimistic.`],
    },
  ];
  return { tables, headline };
}

/** Micro-averaged scores over some types, from their exact-match counts. */
function ourScoresOn(perType: Record<string, SpanScores>, types: readonly string[]) {
  const sum = (key: 'gold' | 'predicted' | 'correct') => types.reduce((total, type) => total + (perType[type]?.[key] ?? 0), 0);
  const precision = sum('predicted') === 0 ? 0 : sum('correct') / sum('predicted');
  const recall = sum('gold') === 0 ? 0 : sum('correct') / sum('gold');
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

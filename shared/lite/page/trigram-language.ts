import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// franc-min's constants: it reads at most this many UTF-16 units, and a trigram a language's
// model lacks costs this much.
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
const ASCII = /^\p{ASCII}*$/u;
const ASCII_LETTER = /[A-Za-z]/gu;

/** One script's language models as postings: for each trigram, the languages that know it. */
interface ScriptModels {
  /** In franc-min's order, which decides ties. */
  readonly languages: readonly string[];
  /** Every trigram any of the script's models knows → its postings row. */
  readonly rows: ReadonlyMap<number, number>;
  /** Row `r`'s postings are `rowStart[r]` up to `rowStart[r + 1]` in `language` and `rank`. */
  readonly rowStart: Int32Array;
  readonly language: Int32Array;
  /** The trigram's rank in that language's model. */
  readonly rank: Int32Array;
}

let models: ReadonlyMap<string, ScriptModels> | undefined;

/**
 * The language franc-min's `franc(value, { minLength })` names (ISO 639-3, or `und`), with the
 * same answer on every input, ties included, in a fraction of its time: franc-min looks every
 * trigram up in one object per language, where this reads integer tables built once from
 * franc-min's own models. A corpus of short lines runs one detection per line, so the cost
 * adds up (`npm run bench -- jsonl`).
 */
export function trigramLanguage(value: string, minLength: number): string {
  if (!value || value.length < minLength) return 'und';
  const sample = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(sample);
  models ??= buildModels();
  const scriptModels = script === undefined ? undefined : models.get(script);
  if (!scriptModels) return script === undefined || share === 0 ? 'und' : script;
  return closestLanguage(trigramCounts(sample), scriptModels);
}

/** The script most of the sample's characters belong to; the first in franc-min's order on ties. */
function topScript(sample: string): [string | undefined, number] {
  // Only Latin's expression matches ASCII characters: an ASCII sample needs one count.
  if (ASCII.test(sample)) {
    const letters = sample.match(ASCII_LETTER)?.length ?? 0;
    return letters > 0 ? ['Latin', letters / sample.length] : [Object.keys(expressions)[0], 0];
  }
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (sample.match(expression)?.length ?? 0) / sample.length || 0;
    if (share > topShare) [top, topShare] = [script, share];
  }
  return [top, topShare];
}

/**
 * trigram-utils' trigrams of franc-min's cleaned sample, with how often each occurs; each
 * trigram as a number (three UTF-16 units), which spares a string per trigram.
 */
function trigramCounts(sample: string): Map<number, number> {
  const cleaned = ` ${sample
    .replace(/[\u0021-\u0040]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const key = trigramKey(cleaned, i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The three UTF-16 units from `at`, as one exact integer (48 bits). */
function trigramKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x1_0000_0000 + text.charCodeAt(at + 1) * 0x1_0000 + text.charCodeAt(at + 2);
}

/**
 * franc-min's distance (its quirks included: a trigram's count against its rank): every trigram
 * costs MAX_DIFFERENCE, less what a language that knows it saves. Smallest first, earliest on ties.
 */
function closestLanguage(counts: ReadonlyMap<number, number>, models: ScriptModels): string {
  const distances = new Float64Array(models.languages.length).fill(counts.size * MAX_DIFFERENCE);
  for (const [trigram, count] of counts) {
    const row = models.rows.get(trigram);
    if (row === undefined) continue;
    const end = models.rowStart[row + 1] ?? 0;
    for (let p = models.rowStart[row] ?? 0; p < end; p++) {
      const l = models.language[p] ?? 0;
      distances[l] = (distances[l] ?? 0) + Math.abs(count - (models.rank[p] ?? 0) - 1) - MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let l = 1; l < distances.length; l++) if ((distances[l] ?? 0) < (distances[best] ?? 0)) best = l;
  return models.languages[best] ?? 'und';
}

function buildModels(): Map<string, ScriptModels> {
  const built = new Map<string, ScriptModels>();
  for (const [script, languageModels] of Object.entries(data)) {
    const languages = Object.keys(languageModels);
    // Two passes over the models, the first counting each trigram's languages, so that the
    // postings go straight into flat arrays (this runs once per process, on its first page).
    const lists = languages.map((name) => firstRanks(languageModels[name] ?? ''));
    const rows = new Map<number, number>();
    const counts: number[] = [];
    for (const list of lists) {
      for (const key of list.keys()) {
        const row = rows.get(key);
        if (row === undefined) {
          rows.set(key, counts.length);
          counts.push(1);
        } else {
          counts[row] = (counts[row] ?? 0) + 1;
        }
      }
    }
    const rowStart = new Int32Array(rows.size + 1);
    for (let r = 0; r < rows.size; r++) rowStart[r + 1] = (rowStart[r] ?? 0) + (counts[r] ?? 0);
    const filled = rowStart.slice(0, rows.size);
    const language = new Int32Array(rowStart[rows.size] ?? 0);
    const rank = new Int32Array(language.length);
    lists.forEach((list, l) => {
      for (const [key, r] of list) {
        const row = rows.get(key) ?? 0;
        const at = filled[row] ?? 0;
        filled[row] = at + 1;
        [language[at], rank[at]] = [l, r];
      }
    });
    built.set(script, { languages, rows, rowStart, language, rank });
  }
  return built;
}

/** A model's trigrams (as keys) with their ranks; a trigram listed twice keeps its first rank, as in franc-min. */
function firstRanks(model: string): Map<number, number> {
  const ranks = new Map<number, number>();
  model.split('|').forEach((trigram, rank) => {
    // Input trigrams are three UTF-16 units; nothing else could ever match.
    if (trigram.length !== 3) return;
    const key = trigramKey(trigram, 0);
    if (!ranks.has(key)) ranks.set(key, rank);
  });
  return ranks;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/small';
import { detectPageLanguage } from '../../../shared/lite/page/detect-page-language';
import { extractArticleInNode as extractArticle } from '../extract-article-in-node';
import { readBbc } from '../summary/read-bbc';

/** A text with the language it is known to be in. */
interface LabelledText {
  readonly language: string;
  readonly text: string;
}

/** Share of texts each detector names correctly, at a few text lengths. */
export interface LanguageEvaluation {
  readonly texts: number;
  readonly notEnglish: number;
  /**
   * Rows: characters read → detector → accuracy (0–1): `accuracy` names the language right;
   * `decision` runs the English models exactly on the English texts (an undetermined language
   * runs them, as it does on a page).
   */
  readonly byLength: readonly {
    characters: number;
    accuracy: Record<string, number>;
    decision: Record<string, number>;
    ms: Record<string, number>;
  }[];
}

/** Saved real pages that declare their language (the label), plus BBC articles (English). */
function labelledTexts(dataDir: string): LabelledText[] {
  const dir = join(dataDir, 'readability-pages');
  const pages = readdirSync(dir).flatMap((name): LabelledText[] => {
    const path = join(dir, name, 'source.html');
    if (!existsSync(path)) return [];
    const html = readFileSync(path, 'utf8');
    const declared = /<html[^>]*\slang="([^"]+)"/iu.exec(html)?.[1];
    if (!declared) return [];
    try {
      return [{ language: new Intl.Locale(declared).language, text: extractArticle(html).text }];
    } catch {
      return [];
    }
  });
  return [
    ...pages,
    ...readBbc(dataDir)
      .slice(0, 200)
      .map((a) => ({ language: 'en', text: a.article })),
  ];
}

/**
 * Accuracy of Loupe's language check (franc-min inside detectPageLanguage, text only) beside a
 * larger detector (eld, small database) and the "assume English" baseline, on the first 200,
 * 1,000 and 5,000 characters of each text. Prints nothing.
 */
export async function evaluateLanguage(dataDir: string): Promise<LanguageEvaluation> {
  const texts = labelledTexts(dataDir);
  const detectors: Record<string, (text: string) => { code: string; runsModels: boolean }> = {
    'Loupe (franc-min, 0.15 MB)': (text) => {
      const found = detectPageLanguage(text);
      return { code: found.code, runsModels: found.supported };
    },
    'eld, small database (1.6 MB)': (text) => {
      const code = eld.detect(text).language;
      return { code, runsModels: code === 'en' || code === '' };
    },
    'assume English': () => ({ code: 'en', runsModels: true }),
  };
  const byLength = [200, 1000, 5000].map((characters) => {
    const accuracy: Record<string, number> = {};
    const decision: Record<string, number> = {};
    const ms: Record<string, number> = {};
    for (const [name, detect] of Object.entries(detectors)) {
      const began = performance.now();
      const answers = texts.map((t) => detect(t.text.slice(0, characters)));
      ms[name] = performance.now() - began;
      accuracy[name] = answers.filter((a, i) => a.code === texts[i]!.language).length / texts.length;
      decision[name] = answers.filter((a, i) => a.runsModels === (texts[i]!.language === 'en')).length / texts.length;
    }
    return { characters, accuracy, decision, ms };
  });
  return { texts: texts.length, notEnglish: texts.filter((t) => t.language !== 'en').length, byLength };
}

import type { PageLanguage } from '../../protocol/results';
import { boundedMemo } from '../bounded-memo';
import { trigramLanguage } from './trigram-language';

/** Languages Loupe's entity and bias models read (ISO 639-1). */
export const MODEL_LANGUAGES: ReadonlySet<string> = new Set(['en']);

/** Characters of text the detector reads: a few spread samples are as good as the whole page. */
const SAMPLE_CHARACTERS = 3_000;
/** Below this many letters the detector guesses; the page's declared language (or none) is kept. */
const MIN_LETTERS = 60;
/**
 * Latin-script languages share most trigrams, so a short Latin line needs more letters before
 * its trigrams may overrule English: a line of names and figures ("Ajax beat PSV 3-1 in
 * Eindhoven") reads as Dutch as often as not, and calling English text foreign drops every name.
 * Other scripts tell their language from far less.
 */
const MIN_LATIN_LETTERS = 150;
const LETTER = /^\p{L}$/u;

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The language a page is written in: detected from its text (franc-min's trigram model, which
 * measured most accurate for its size on the project's saved pages, see `npm run eval -- language`),
 * with the page's declared `lang` as evidence: kept when the text agrees or is too short to tell,
 * overruled when the text clearly reads otherwise (pages often keep a template's `lang="en"`).
 * `supported` says whether the entity and bias models read it; an undetermined language counts
 * as supported, so a short selection is never refused.
 */
export function detectPageLanguage(text: string, declared?: string): PageLanguage {
  const declaredCode = declared ? normalise(declared) : undefined;
  const sample = sampleOf(text);
  if (isLoremIpsum(sample)) return describe('la', 'detected');
  const needed = mostlyAsciiLetters(sample) ? MIN_LATIN_LETTERS : MIN_LETTERS;
  const detected = hasLetters(sample, needed) ? normalise(trigramLanguage(sample, MIN_LETTERS)) : undefined;
  if (detected && detected !== 'und' && detected !== declaredCode) return describe(detected, 'detected');
  if (declaredCode && declaredCode !== 'und') return describe(declaredCode, 'declared');
  return { code: 'und', name: 'undetermined', source: 'detected', supported: true };
}

/** The words of the printers' placeholder text, "Lorem ipsum dolor sit amet…" (scrambled Cicero). */
const LOREM_WORDS = new Set(
  (
    'lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor incididunt ut labore ' +
    'et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo ' +
    'consequat duis aute irure in reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint ' +
    'occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum vestibulum nunc nec ' +
    'ac at vel a eget quam mauris donec sapien tellus morbi vitae integer nam maecenas aliquam etiam pellentesque'
  ).split(' '),
);
/** Fewest words, and the share of them, that make a text placeholder Latin rather than a page that quotes it. */
const LOREM_MIN_WORDS = 20;
const LOREM_SHARE = 0.6;

/** Placeholder "lorem ipsum" text: trigram models read it as French or Italian; it is (mock) Latin. */
function isLoremIpsum(sample: string): boolean {
  if (!/\blorem\s+ipsum\b/iu.test(sample)) return false;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const placeholder = words.filter((word) => LOREM_WORDS.has(word)).length;
  return words.length >= LOREM_MIN_WORDS && placeholder >= LOREM_SHARE * words.length;
}

function describe(code: string, source: PageLanguage['source']): PageLanguage {
  return { code, name: nameOf(code), source, supported: MODEL_LANGUAGES.has(code) };
}

/** Whether `text` has at least `count` letters (`\p{L}` code points), counted only as far as needed. */
function hasLetters(text: string, count: number): boolean {
  let letters = 0;
  for (let i = 0; i < text.length && letters < count; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a) letters++;
      continue;
    }
    const point = text.codePointAt(i) ?? unit;
    if (point > 0xffff) i++;
    if (LETTER.test(String.fromCodePoint(point))) letters++;
  }
  return letters >= count;
}

/** Whether most letters of the first stretch of `text` are ASCII (Latin script without accents). */
function mostlyAsciiLetters(text: string): boolean {
  const head = text.slice(0, 600);
  const ascii = head.match(/[A-Za-z]/gu)?.length ?? 0;
  const letters = head.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && ascii / letters >= 0.9;
}

/** ISO 639-1 when one exists ("deu" → "de", "en-GB" → "en"), else the code as given, lower case. */
const normalise = boundedMemo(1_000, normaliseTag);
const nameOf = boundedMemo(1_000, displayName);

function normaliseTag(tag: string): string {
  try {
    return new Intl.Locale(tag.trim()).language.toLowerCase();
  } catch {
    return tag.trim().toLowerCase().split(/[-_]/u)[0] ?? 'und';
  }
}

function displayName(code: string): string {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Three stretches of the text (start, middle, end), so a page's boilerplate does not decide alone. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARACTERS) return text;
  const part = Math.floor(SAMPLE_CHARACTERS / 3);
  const middle = Math.floor(text.length / 2 - part / 2);
  return [text.slice(0, part), text.slice(middle, middle + part), text.slice(-part)].join('\n');
}

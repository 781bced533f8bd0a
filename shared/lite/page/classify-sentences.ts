import type { Span } from '../../protocol/results';
import type { BlockRole, TextBlock } from '../../text/block-text';
import { captionSentences, endsWithPictureCredit, opensCaption } from './caption-lines';
import { preformattedProse } from './preformatted-prose';
import { blockAt, countWords, isCodeLike, withoutClosingMarks } from './sentence-shape';

/**
 * What a sentence of a page is. Only running prose (and questions, quotes and full-sentence
 * list items) is worth judging; the rest is the page's furniture: headings, captions, photo
 * credits, bylines, prompts ("Sign up for our newsletter"), navigation, embedded posts, code,
 * table cells, fragments without a sentence's ending, and the entries of a reference list (the
 * sources a page cites, not its own statements).
 */
export type SentenceRole =
  | 'prose'
  | 'question'
  | 'quote'
  | 'list-item'
  | 'heading'
  | 'caption'
  | 'credit'
  | 'byline'
  | 'prompt'
  | 'navigation'
  | 'embed'
  | 'code'
  | 'table'
  | 'fragment'
  | 'reference';

/** Roles whose sentences are read as the page's own statements: bias is judged on these only. */
export const JUDGED_ROLES: ReadonlySet<SentenceRole> = new Set(['prose', 'question', 'quote', 'list-item']);

const BLOCK_TO_SENTENCE: Readonly<Record<BlockRole, SentenceRole>> = {
  heading: 'heading',
  caption: 'caption',
  'list-item': 'list-item',
  quote: 'quote',
  code: 'code',
  table: 'table',
  chrome: 'navigation',
};

/** Text patterns that decide a role whatever block the sentence sits in, most specific first. */
const PATTERNS: readonly (readonly [SentenceRole, (sentence: string, words: number) => boolean])[] = [
  [
    'embed',
    (s) =>
      /pic\.twitter\.com\/|\bt\.co\/\w|\bView this post on Instagram\b|\bA post shared by\b|\(@\w{1,15}\)\s+\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}/u.test(
        s,
      ) ||
      // A reply quoted from a social network opens with the handles it answers.
      /^[\u200e\u200f"“]?(?:@\w{1,15}[:,]?\s+){1,}/u.test(s),
  ],
  [
    'credit',
    (s, words) =>
      words <= 16 &&
      (/^[([]?\s*((ap|afp|epa|reuters|getty)\s+)?(photo(graph)?s?|images?|pictures?|illustrations?|graphics?|video|footage|maps?|charts?|credits?|source)\s*(credit|courtesy)?\s*(:|\||—|\/|by\b)/iu.test(
        s,
      ) ||
        (/(^|[(/|©])[^()]{0,60}\b(getty images|shutterstock|istock(photo)?|ap photo|associated press|afp|epa|alamy|wireimage|reuters|courtesy of [^.]+)\s*[)\]]?\s*\.?$/iu.test(
          s,
        ) &&
          /[(/|©]|^(photo|image)/iu.test(s)) ||
        /©|\bcopyright \d{4}\b|\ball rights reserved\b/iu.test(s)),
  ],
  ['caption', (s) => opensCaption(s) || endsWithPictureCredit(s)],
  [
    'byline',
    (s, words) =>
      words <= 14 &&
      ((/^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|&|de|van|von))*\s*([,|]|$)/u.test(s) &&
        !/[.!?]$/u.test(s.replace(/\b\p{Lu}\.$/u, ''))) ||
        /^(updated|published|posted|last (updated|modified)|first published)\b[^.!?]{0,80}$/iu.test(s) ||
        /^\d+\s+min(ute)?s?\s+read$/iu.test(s)),
  ],
  [
    'prompt',
    (s, words) =>
      words <= 30 &&
      (/^(click|tap)\s+(here|the link|below|to)\b/iu.test(s) ||
        /^(advertisement|sponsored( content)?|story continues below|continue reading|read more|see more|show more|load more|related( articles| stories| content| coverage)?|recommended( for you)?|most (read|popular)|trending( now)?|more from|you may also like)\b/iu.test(
          s,
        ) ||
        /^(sign up|subscribe|register|log in|sign in|join|follow|share|download|get|want|don'?t miss|never miss|support|donate|listen|watch)\b.*\b(newsletters?|subscribe|subscription|inbox|free|updates|app|podcast|account|email|us|our|today|now)\b/iu.test(
          s,
        ) ||
        /\bfollow us on\b|\bshare (this|on) (article|story|facebook|twitter|x)\b|\b(accept|manage) (all )?cookies\b/iu.test(s)),
  ],
  [
    'navigation',
    (s) =>
      /^([^›»|·•>\n]{1,40}\s*[›»|·•>]\s*){2,}[^›»|·•>\n]{1,40}$/u.test(s) ||
      /^(skip to (main )?content|back to top|previous|next|home|menu|search|close|top stories|table of contents)( (article|post|page|story))?$/iu.test(
        s,
      ),
  ],
  ['code', (s) => isCodeLike(s)],
];

/**
 * A role for each of `sentences`: strong text patterns first (a credit inside a caption is a
 * credit), then the role of the block the sentence sits in when the capture knew it (a <pre>
 * of a plain-text document reads as prose, see {@link preformattedProse}), then the sentence's
 * own shape (no sentence ending → fragment; a leading bullet or "Step 2:" → list item; "?" →
 * question), else prose. Last, a wire photo's caption claims the rest of its short line (see
 * {@link captionSentences}).
 */
export function classifySentences(text: string, sentences: readonly Span[], blocks: readonly TextBlock[] = []): SentenceRole[] {
  const ordered = [...blocks].sort((a, b) => a.start - b.start);
  const proseBlocks = preformattedProse(sentences, ordered);
  const citations = new Set(ordered.filter((block) => block.role === 'list-item' && isCitation(text.slice(block.start, block.end))));
  const roles = sentences.map((sentence) => {
    const words = countWords(sentence.text);
    const patterned = PATTERNS.find(([, test]) => test(sentence.text, words))?.[0];
    if (patterned) return patterned;
    const block = blockAt(ordered, sentence.start);
    if (block && citations.has(block)) return 'reference';
    const role = block && !proseBlocks.has(block) ? BLOCK_TO_SENTENCE[block.role] : undefined;
    if (role && role !== 'list-item' && role !== 'quote') return role;
    if (isFragment(sentence.text, words)) return 'fragment';
    if (role) return role;
    if (/^([•·▪◦‣∙*–-]|\d{1,2}[.)]|step \d+[:.])\s/iu.test(sentence.text)) return 'list-item';
    return /[?？؟]$/u.test(withoutClosingMarks(sentence.text)) ? 'question' : 'prose';
  });
  for (const i of captionSentences(text, sentences)) {
    const role = roles[i] as SentenceRole;
    if (JUDGED_ROLES.has(role) || role === 'heading') roles[i] = 'caption';
  }
  return roles;
}

/** What marks a cited source: a retrieval date, a book or article number, pages, a year after the authors. */
const CITATION_MARKS: readonly RegExp[] = [
  /\bRetrieved\b[^.]{0,40}\d{4}/u,
  /\bArchived from the original\b/u,
  /\bISBN\b/u,
  /\bISSN\b/u,
  /\bdoi:\s*10\./iu,
  /\bPMID\b/u,
  /\bpp?\.\s*\d/u,
  /\bVol\.\s*\d/u,
  /\(\d{4}[a-z]?\)\./u,
];

/** A reference list's entry: Wikipedia's "^" backlink, or two marks of a cited source. */
function isCitation(entry: string): boolean {
  if (/^\^\s/u.test(entry)) return true;
  let marks = 0;
  for (const mark of CITATION_MARKS) if (mark.test(entry) && ++marks >= 2) return true;
  return false;
}

/** No sentence ending (or a short lead-in ending in a colon): a label, a heading, a menu entry. */
function isFragment(sentence: string, words: number): boolean {
  const bare = withoutClosingMarks(sentence);
  if (/[.!?…。！？｡।؟۔]$/u.test(bare)) return false;
  if (/[:;]$/u.test(bare)) return words <= 6;
  return words <= 20;
}

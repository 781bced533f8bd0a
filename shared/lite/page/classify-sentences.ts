import { lowerBound } from '../../lower-bound';
import type { Span } from '../../protocol/results';
import type { BlockRole, TextBlock } from '../../text/block-text';

/**
 * What a sentence of a page is. Only running prose (and questions, quotes and full-sentence
 * list items) is worth judging; the rest is the page's furniture: headings, captions, photo
 * credits, bylines, prompts ("Sign up for our newsletter"), navigation, embedded posts, code,
 * table cells and fragments without a sentence's ending.
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
  | 'fragment';

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
 * credit), then the role of the block the sentence sits in when the capture knew it, then the
 * sentence's own shape (no sentence ending → fragment; a leading bullet or "Step 2:" → list
 * item; "?" → question), else prose.
 */
export function classifySentences(text: string, sentences: readonly Span[], blocks: readonly TextBlock[] = []): SentenceRole[] {
  const ordered = [...blocks].sort((a, b) => a.start - b.start);
  const proseBlocks = preformattedProse(sentences, ordered);
  const roles = sentences.map((sentence) => {
    const words = countWords(sentence.text);
    const patterned = PATTERNS.find(([, test]) => test(sentence.text, words))?.[0];
    if (patterned) return patterned;
    const block = blockAt(ordered, sentence.start);
    const role = block && !proseBlocks.has(block) ? BLOCK_TO_SENTENCE[block.role] : undefined;
    if (role && role !== 'list-item' && role !== 'quote') return role;
    if (isFragment(sentence.text, words)) return 'fragment';
    if (role) return role;
    if (/^([•·▪◦‣∙*–-]|\d{1,2}[.)]|step \d+[:.])\s/iu.test(sentence.text)) return 'list-item';
    return /[?？؟]["'”’)\]»」』》]*$/u.test(sentence.text) ? 'question' : 'prose';
  });
  captionLines(text, sentences, roles);
  return roles;
}

/** A wire photo's caption opens so: "In this photo dated …", "This undated image shows …". */
function opensCaption(sentence: string): boolean {
  return (
    /^in this\s+(?:[\p{Ll}-]+\s+){0,3}(?:photo|photograph|image|picture|frame grab|video still|screen ?shot)s?\b/iu.test(sentence) ||
    /^this\s+(?:[\p{Ll}-]+\s+){0,3}(?:photo|photograph|image|picture|frame grab|video still|screen ?shot)s?\s+(?:shows|provided|released|taken|made|dated|obtained|from)\b/iu.test(
      sentence,
    )
  );
}

/** A picture's credit in brackets closes it: "(AP Photo/Evan Vucci)", "(… Press Service photo via AP)". */
function endsWithPictureCredit(sentence: string): boolean {
  const credit = /\(([^()]{0,140})\)\s*\.?$/u.exec(sentence)?.[1] ?? '';
  return (
    /\b(?:photos?|photograph|images?|pictures?|footage)\b/iu.test(credit) &&
    /\/|\bvia\b|:|\bcourtesy\b|\bby\b/iu.test(credit) &&
    /\p{Lu}/u.test(credit)
  );
}

/**
 * A caption runs for its whole line: every sentence of a line that opens like a caption or
 * closes with a picture's credit is the caption's ("In this photo … . The ship broke up … .
 * (Photo via AP)"), whatever the block around it said.
 */
function captionLines(text: string, sentences: readonly Span[], roles: SentenceRole[]): void {
  let first = 0;
  for (let i = 0; i < sentences.length; i++) {
    const next = sentences[i + 1];
    if (next && !text.slice(sentences[i]!.end, next.start).includes('\n')) continue;
    const opens = opensCaption(sentences[first]!.text);
    const closes = i > first && endsWithPictureCredit(sentences[i]!.text);
    if (opens || closes) for (let k = first; k <= i; k++) if (JUDGED_ROLES.has(roles[k]!) || roles[k] === 'heading') roles[k] = 'caption';
    first = i + 1;
  }
}

/** Share of a page's preformatted sentences that must read as prose for it to be a plain-text document. */
const PROSE_SHARE = 0.5;
/** Fewest such sentences: a few commented lines do not make a document. */
const PROSE_SENTENCES = 5;
/** Fewest words of a sentence that counts, either way. */
const PROSE_WORDS = 6;

/**
 * Preformatted blocks that hold prose rather than code: on a plain-text document shown as it is
 * written (an Internet-Draft, a .txt file the browser wraps in <pre>), where half or more of
 * the preformatted sentences are full sentences of words, the paragraphs that mostly are, and
 * the short ones (headings, page headers), which then read as fragments. On any other page,
 * code stays code, its comments included.
 */
function preformattedProse(sentences: readonly Span[], blocks: readonly TextBlock[]): Set<TextBlock> {
  const counts = new Map<TextBlock, { prose: number; all: number }>();
  const total = { prose: 0, all: 0 };
  for (const sentence of sentences) {
    const block = blockAt(blocks, sentence.start);
    if (block?.role !== 'code') continue;
    const count = counts.get(block) ?? { prose: 0, all: 0 };
    counts.set(block, count);
    // Short lines (headings, a contents' entries, page headers) say nothing either way.
    if (countWords(sentence.text) < PROSE_WORDS) continue;
    const prose = readsAsProse(sentence.text) ? 1 : 0;
    count.all += 1;
    count.prose += prose;
    total.all += 1;
    total.prose += prose;
  }
  if (total.prose < PROSE_SENTENCES || total.prose < PROSE_SHARE * total.all) return new Set();
  return new Set([...counts].filter(([, c]) => c.prose >= PROSE_SHARE * c.all).map(([block]) => block));
}

/** A sentence of words: six or more, a sentence's ending or a bullet, and none of code's symbols or shapes. */
function readsAsProse(sentence: string): boolean {
  return (
    countWords(sentence) >= PROSE_WORDS &&
    (/[.!?:,]["'”’)]*$/u.test(sentence) || /^[*•-]\s/u.test(sentence)) &&
    !isCodeLike(sentence) &&
    !/[{};=<>`|$#]|\/\/|\/\*|\w\(\)/u.test(sentence)
  );
}

/** No sentence ending (or a short lead-in ending in a colon): a label, a heading, a menu entry. */
function isFragment(sentence: string, words: number): boolean {
  const bare = sentence.replace(/(?:\[[^[\]]{1,20}\])+$/u, '').replace(/["'”’)\]*»」』》]+$/u, '');
  if (/[.!?…。！？｡।؟۔]$/u.test(bare)) return false;
  if (/[:;]$/u.test(bare)) return words <= 6;
  return words <= 20;
}

function isCodeLike(sentence: string): boolean {
  if (/^(\$|>|npm|npx|pip|git|curl|sudo|cd)\s+\S/u.test(sentence) && !/\s(the|a|an|is|are)\s/iu.test(sentence)) return true;
  const symbols = (sentence.match(/[{}();=<>[\]`|&$#]/gu) ?? []).length;
  const callsOrAssignments = (sentence.match(/\w+\([^)]*\)|\w+\s*=\s*\S|=>|::|\w+\.\w+\(/gu) ?? []).length;
  return symbols >= 4 && symbols / sentence.length > 0.06 && callsOrAssignments >= 1;
}

function countWords(sentence: string): number {
  return sentence.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The block containing `offset`, by binary search over blocks sorted by start. */
function blockAt(blocks: readonly TextBlock[], offset: number): TextBlock | undefined {
  const block = blocks[lowerBound(blocks, (b) => b.end <= offset)];
  return block !== undefined && block.start <= offset ? block : undefined;
}

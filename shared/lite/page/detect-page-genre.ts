import type { PageGenre, PageHints } from '../../protocol/page-hints';
import type { Span } from '../../protocol/results';
import { quotedRanges } from '../sentence-attribution';
import type { SentenceRole } from './classify-sentences';

/** A page's genre and the evidence a reader can check. */
export interface GenreDecision {
  readonly genre: PageGenre;
  readonly evidence: string[];
}

/**
 * schema.org / og:type names (lower case, no namespace) that settle a page's genre. "Article"
 * does not settle it: deal round-ups and recipe blogs call themselves articles too.
 */
const DECLARED: readonly (readonly [PageGenre, ReadonlySet<string>])[] = [
  ['recipe', new Set(['recipe'])],
  ['product', new Set(['product', 'productgroup', 'individualproduct', 'product.item'])],
  ['documentation', new Set(['techarticle', 'apireference', 'softwaresourcecode'])],
  ['review', new Set(['review', 'criticreview', 'userreview', 'employerreview', 'reviewnewsarticle'])],
];
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'reportagenewsarticle',
  'opinionnewsarticle',
  'analysisnewsarticle',
  'backgroundnewsarticle',
  'liveblogposting',
  'scholarlyarticle',
  'report',
  'socialmediaposting',
]);

/**
 * A keyword a page of fiction tags itself with (web-novel and fan-fiction sites do): the whole
 * keyword, or its end ("Harry Potter fanfiction"). A bare "fiction" or "novel" is not enough,
 * nor a keyword that only contains such a term ("BBC National Short Story Award"): news about
 * books is tagged so too.
 */
const FICTION_KEYWORD =
  /(?:^|\s)(?:fan ?fiction|fanfic|fanfics|web ?fiction|web ?novels?|serial fiction|flash fiction|original fiction|interactive fiction|short stor(?:y|ies))$/iu;
/** One part of a title, between separators, that names a chapter of a story: "Chapter 1", "Ch. 12", "Chapter Twelve". */
const CHAPTER_PART =
  /^(?:chapter|ch\.)\s*(?:\d{1,3}|[ivxlc]{1,7}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty)$/iu;
/**
 * A chapter in a title that is not a story's: a bankruptcy ("Chapter 11 protection"), a game's
 * walkthrough, a study guide or a results page.
 */
const NOT_A_STORY =
  /\b(?:bankrupt\w*|creditors?|insolven\w*|debts?|files? for|protection|walkthrough|guide|summary|analysis|notes|study|lesson|results?|stage)\b/iu;
/** Quotations a page titled as a chapter needs to read as a story: at least this many, and this share of its sentences. */
const MIN_DIALOGUE = 3;
const DIALOGUE_SHARE = 0.1;
/** schema.org types of news: a news page is never taken for fiction by its tags or title. */
const NEWS_TYPES = new Set([
  'newsarticle',
  'reportagenewsarticle',
  'opinionnewsarticle',
  'analysisnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'liveblogposting',
]);

const QUANTITY =
  /(?:\d+(?:[.,/]\d+)?|[½⅓⅔¼¾⅛])\s*(?:cups?|tbsps?|tablespoons?|tsps?|teaspoons?|oz|ounces?|lbs?|pounds?|g|grams?|kg|ml|millilit(?:er|re)s?|lit(?:er|re)s?|pinch(?:es)?|cloves?|sticks?|cans?|pints?|quarts?|sprigs?|handfuls?)\b/giu;
const RECIPE_WORDS = /\b(?:ingredients|preheat(?:ed)?|prep time|cook time|total time|servings|serves \d+|makes \d+|yield)\b/giu;
const COOKING_STEP =
  /^(?:\d{1,2}[.)]\s*)?(?:add|stir|mix|whisk|bake|preheat|combine|pour|simmer|boil|bring|heat|cook|chop|dice|slice|peel|cube|season|serve|place|remove|transfer|drain|fold|knead|sprinkle|spread|cover|blend|beat|cut|grease|line|reduce|roast|fry|saute|sauté|melt|toss|garnish|refrigerate|chill|let)\b/iu;
const PRICE = /[$€£¥]\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:\.\d\d)?\s?(?:USD|EUR|GBP)\b/gu;
const DEAL_WORDS =
  /\b(?:deals?|on sale|\d+% off|discount(?:ed)?|coupons?|lowest price|price drop|add to (?:cart|basket|bag)|buy now|shop now|in stock|out of stock|free shipping|list price|was \$\d)/giu;
/**
 * A title that labels the page a review ("Dunkirk review – …", "Review: …") or a ranked
 * round-up ("The 21 best movies of 2017"). "Ministers order a review of rail safety", "Budget
 * review: what changes" and "The 5 best-performing stocks" are news.
 */
const REVIEW_TITLE = /^review\b|\breview\s*[–—]|\b\d+\s+(?:best|greatest|coolest|worst|favou?rite|must-(?:see|watch|read|play))(?![-\w])/iu;
/** A verdict in the text: stars, or a rating out of 5 or 10 ("4 out of 5 stars", "Rating: 8/10"). A bare "4 out of 5" is often a statistic. */
const RATING = /\b\d(?:\.\d)?\s?(?:out of|\/)\s?(?:5|10)\s?stars?\b|★{3,}|\b(?:rating|our score)\s*:\s*\d/giu;
const CODE_SIGNALS =
  /\b(?:npm|npx|pip|yarn|pnpm|cargo) (?:install|run|add)\b|`[^`]+`|\b\w+\(\)|--[a-z][\w-]+\b|\b(?:parameters?|returns?|arguments?|default value|deprecated|example usage|api reference)\b:?/giu;

/**
 * Decides what a page is for. Structured data that declares a recipe, a product, technical
 * documentation or a review decides when present; then keywords or a title that mark a story
 * ("fanfiction", "web novel"; "… - Chapter 3 - …") make fiction, on a page that does not
 * declare itself news; otherwise the text does: quantities and cooking
 * steps make a recipe, prices beside shopping words a product or deals page, code and API words
 * documentation, a title that names a review or a ranking ("The 21 best movies of 2017") or
 * ratings in the text a review; then a declared article, or running prose, makes an article.
 * Anything else is `other`.
 */
export function detectPageGenre(
  text: string,
  sentences: readonly Span[],
  roles: readonly SentenceRole[],
  hints: Pick<PageHints, 'types' | 'title' | 'keywords'> = {},
): GenreDecision {
  const { types = [], title } = hints;
  const declared = declaredGenre(types);
  if (declared) return declared;
  const fiction = fictionEvidence(text, sentences, hints);
  if (fiction) return { genre: 'fiction', evidence: [fiction] };
  const words = Math.max(1, text.split(/\s+/u).length);
  const per1k = (count: number) => (count * 1000) / words;

  const quantities = count(text, QUANTITY);
  const recipeWords = count(text, RECIPE_WORDS);
  const steps = sentences.filter((s) => COOKING_STEP.test(s.text)).length;
  if (quantities >= 4 && (recipeWords >= 1 || steps >= 3) && per1k(quantities + steps) >= 15) {
    return {
      genre: 'recipe',
      evidence: [
        `${quantities} ingredient quantities`,
        `${steps} cooking steps`,
        ...(recipeWords ? [`recipe words (${recipeWords})`] : []),
      ],
    };
  }
  const prices = count(text, PRICE);
  const dealWords = count(text, DEAL_WORDS);
  if (prices >= 5 && dealWords >= 3 && per1k(prices) >= 8) {
    return { genre: 'product', evidence: [`${prices} prices`, `shopping words (${dealWords})`] };
  }
  const codeSentences = roles.filter((role) => role === 'code').length;
  const codeSignals = count(text, CODE_SIGNALS);
  // A news story with a code sample is still news; documentation is mostly code and API words.
  if ((codeSentences >= 8 && codeSentences / Math.max(1, sentences.length) >= 0.15) || per1k(codeSignals) >= 12) {
    return { genre: 'documentation', evidence: [`${codeSentences} lines of code`, `programming words (${codeSignals})`] };
  }
  const ratings = count(text, RATING);
  if (title !== undefined && REVIEW_TITLE.test(title)) {
    return { genre: 'review', evidence: [`its title, “${title.slice(0, 80)}”`] };
  }
  if (ratings >= 2) return { genre: 'review', evidence: [`${ratings} ratings or verdicts`] };
  const article = types.find((type) => ARTICLE_TYPES.has(bareType(type)));
  if (article) return { genre: 'article', evidence: [declaresItself(article)] };
  const prose = roles.filter((role) => role === 'prose' || role === 'question' || role === 'quote').length;
  // Encyclopedia pages carry long lists and tables around plenty of prose.
  if (prose >= 20 || (prose >= 3 && prose / Math.max(1, roles.length) >= 0.4))
    return { genre: 'article', evidence: [`${prose} of ${roles.length} sentences are running prose`] };
  return { genre: 'other', evidence: [`${prose} of ${roles.length} sentences are running prose`] };
}

/**
 * Why the page reads as a story, or `undefined`: a fiction keyword, unless it declares itself
 * news; or, on a page that declares no article at all, a title naming a chapter ("The Lantern
 * Keeper - Chapter 3 - quietwriter") that is no bankruptcy, walkthrough or study guide, over a
 * text with dialogue.
 */
function fictionEvidence(
  text: string,
  sentences: readonly Span[],
  { types = [], keywords = [], title }: Pick<PageHints, 'types' | 'title' | 'keywords'>,
): string | undefined {
  const declared = types.map(bareType);
  if (declared.some((type) => NEWS_TYPES.has(type))) return undefined;
  const keyword = keywords.find((k) => FICTION_KEYWORD.test(k.trim()));
  if (keyword) return `it is tagged “${keyword.slice(0, 40)}”`;
  if (title === undefined || declared.some((type) => ARTICLE_TYPES.has(type)) || NOT_A_STORY.test(title)) return undefined;
  const parts = title.split(/\s+[-–—|·]\s+|:\s+/u).map((part) => part.trim());
  if (!parts.some((part) => CHAPTER_PART.test(part))) return undefined;
  // A chapter of a story talks: a chapter of a manual or a textbook hardly quotes anyone.
  const dialogue = quotedRanges(text).length;
  return dialogue >= Math.max(MIN_DIALOGUE, DIALOGUE_SHARE * sentences.length)
    ? `its title, “${title.slice(0, 80)}”, and its dialogue`
    : undefined;
}

function declaredGenre(types: readonly string[]): GenreDecision | undefined {
  for (const [genre, set] of DECLARED) {
    const found = types.find((type) => set.has(bareType(type)));
    if (found) return { genre, evidence: [declaresItself(found)] };
  }
  return undefined;
}

/** "the page declares itself an Article", in the page's own words for the type. */
function declaresItself(type: string): string {
  const name = type.replace(/^.*[/#:]/u, '');
  return `the page declares itself ${/^[aeiou]/iu.test(name) ? 'an' : 'a'} ${name}`;
}

/** `https://schema.org/Recipe` or `schema:Recipe` → `recipe`; `product.item` stays as written. */
function bareType(type: string): string {
  return type
    .toLowerCase()
    .replace(/^.*[/#:]/u, '')
    .trim();
}

function count(text: string, pattern: RegExp): number {
  let total = 0;
  for (const _ of text.matchAll(pattern)) total += 1;
  return total;
}

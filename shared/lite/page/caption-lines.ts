import type { Span } from '../../protocol/results';

const PICTURE = '(?:photo|photograph|image|picture|frame grab|video still|screen ?shot|still)s?';
const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** "In this … photo": the words before the picture, and what follows it. */
const IN_THIS_PICTURE = new RegExp(String.raw`^in this\s+((?:[\p{L}\d.,'’-]+\s+){0,6}?)${PICTURE}\b\s*,?\s*(\p{L}*)`, 'iu');
/** What a wire caption says of its picture before it: "file", "undated", a date. */
const CAPTION_QUALIFIER = new RegExp(
  String.raw`\b(?:file|undated|handout|aerial|combination|pool|archive|\d{1,4}|${MONTHS}|${WEEKDAYS})\b`,
  'iu',
);
/** What a wire caption says right after its picture: "taken Tuesday", "provided by the family". */
const CAPTION_PARTICIPLE = /^(?:taken|dated|provided|released|made|obtained|posted|shot|distributed|supplied|from)$/iu;
/** "This undated image provided by the agency shows …". */
const THIS_PICTURE_SHOWS = new RegExp(
  String.raw`^this\s+(?:[\p{L}\d.,'’-]+\s+){0,4}?${PICTURE}\s+(?:(?:provided|released|taken|made|obtained|distributed|supplied)\s+(?:by|from|on|in)\s+[^.]{1,80}?\s+)?shows?\b`,
  'iu',
);

/**
 * A wire photo's caption opens so: "In this photo dated Tuesday …", "In this Jan. 5, 2016, file
 * photo, …", "This undated image provided by the agency shows …". A writer's "In this photo, I
 * used a 50mm lens" or "In this picture of the economy" is not one.
 */
export function opensCaption(sentence: string): boolean {
  const inThis = IN_THIS_PICTURE.exec(sentence);
  if (inThis) return CAPTION_QUALIFIER.test(inThis[1] ?? '') || CAPTION_PARTICIPLE.test(inThis[2] ?? '');
  return THIS_PICTURE_SHOWS.test(sentence);
}

/** A credit that opens with the picture ("AP Photo/Evan Vucci", "Photo: Getty Images", "Photo by Jane Doe"). */
const CREDIT_OPENING =
  /^(?:(?:AP|AFP|EPA|Reuters|Getty|Pool)\s+)?(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|[Pp]icture)s?\s*(?:[/:].{1,80}|(?:[Bb]y|[Vv]ia|[Cc]ourtesy(?: of)?)\s+(?:\p{Lu}[\p{L}.'’&-]*[\s/]*)+)$/u;
/** …or closes with who took or gave it ("… Press Service photo via AP", "photo by Jane Doe"). */
const CREDIT_CLOSING = /\b(?:photo|photograph|image|picture|footage)s?\s+(?:via|by|courtesy of)\s+(?:\p{Lu}[\p{L}.'’&-]*\s*)+$/u;

/** A picture's credit in brackets closes the sentence: "(AP Photo/Evan Vucci)", "(… photo via AP)". */
export function endsWithPictureCredit(sentence: string): boolean {
  const credit = /\(([^()]{1,140})\)\s*\.?$/u.exec(sentence)?.[1]?.trim() ?? '';
  return CREDIT_OPENING.test(credit) || CREDIT_CLOSING.test(credit);
}

/** The most sentences a caption spreads over: a longer paragraph that opens so is the writer's. */
const CAPTION_SENTENCES = 3;

/**
 * Indices of the sentences that belong to a wire photo's caption: a short line (three sentences
 * at most) that opens like a caption or closes with a picture's credit is the caption's, every
 * sentence of it ("In this photo … . The ship broke up … . (Photo via AP)"); in a longer line,
 * only the sentence that opens or closes so.
 */
export function captionSentences(text: string, sentences: readonly Span[]): Set<number> {
  const caption = new Set<number>();
  let first = 0;
  for (let i = 0; i < sentences.length; i++) {
    const next = sentences[i + 1];
    if (next && !text.slice(sentences[i]!.end, next.start).includes('\n')) continue;
    const opens = opensCaption(sentences[first]!.text);
    const closes = endsWithPictureCredit(sentences[i]!.text);
    if ((opens || closes) && i - first < CAPTION_SENTENCES) {
      for (let k = first; k <= i; k++) caption.add(k);
    } else {
      if (opens) caption.add(first);
      if (closes) caption.add(i);
    }
    first = i + 1;
  }
  return caption;
}

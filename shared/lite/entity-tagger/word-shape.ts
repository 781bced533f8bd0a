/**
 * The shape of a word: upper-case letters become `X`, lower-case `x`, digits `d`, anything else
 * is kept ("Smith" → "Xxxxx", "U.S." → "X.X.", "1996-08-22" → "dddd-dd-dd"). Capped at 12
 * characters so rare long words share a shape.
 */
export function wordShape(word: string): string {
  let shape = '';
  for (const char of word) {
    if (shape.length >= 12) break;
    shape += shapeChar(char);
  }
  return shape;
}

/** `wordShape` with runs of the same character collapsed ("Xxxxx" → "Xx", "dddd-dd" → "d-d"). */
export function shortShape(word: string): string {
  let shape = '';
  for (const char of word) {
    const next = shapeChar(char);
    if (!shape.endsWith(next)) shape += next;
  }
  return shape;
}

function shapeChar(char: string): string {
  // ASCII first: almost every character of a news page, and far cheaper than Unicode classes.
  const code = char.charCodeAt(0);
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return char;
  if (/\p{Lu}/u.test(char)) return 'X';
  if (/\p{Ll}/u.test(char)) return 'x';
  if (/\p{N}/u.test(char)) return 'd';
  return char;
}

/** True when `word` has a letter and all its letters are upper case ("NATO", "U.S."). */
export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

/** True when `word` starts with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

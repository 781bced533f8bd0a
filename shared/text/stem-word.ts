/**
 * A crude English suffix stripper, so "slammed", "slams" and "slamming" meet at "slam" and
 * "disastrous" and "disastrously" at one form. Only comparisons between stems are meaningful:
 * the result is not always a real word.
 */
export function stemWord(word: string): string {
  let stem = word.toLowerCase().replace(/’/gu, "'");
  for (let pass = 0; pass < 2; pass++) {
    const before = stem;
    if (stem.length > 4 && stem.endsWith('ly')) stem = stem.slice(0, -2);
    else if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
    else if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
    else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
    else if (stem.length > 4 && stem.endsWith('es')) stem = stem.slice(0, -2);
    else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
    if (stem === before) break;
  }
  if (/([b-df-hj-np-tv-z])\1$/u.test(stem) && !/(ll|ss|zz)$/u.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

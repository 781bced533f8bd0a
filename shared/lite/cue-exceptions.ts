/** A list of words or phrases written as "a|b|c". */
const words = (list: string): readonly string[] => list.split('|');

/**
 * Context in which a cue is not a cue: the word just before (`notAfter`), the word or words just
 * after (`notBefore`: "admitted to", "toxic to plants"), or one of the few words after it
 * (`notShortlyBefore`: "slammed her car into a tree"). "tax regime" is neutral; "admitted to
 * hospital" is not a framing verb.
 */
export const CUE_EXCEPTIONS: Readonly<
  Record<string, { notAfter?: readonly string[]; notBefore?: readonly string[]; notShortlyBefore?: readonly string[] }>
> = {
  regime: {
    notAfter: words('tax|training|exercise|fitness|treatment|sanctions|dosing|visa|trade|diet|regulatory|legal|pension'),
  },
  claimed: {
    notBefore: words('victory|responsibility|lives|the|title|credit|seat|asylum|benefits|damages|ownership|a|his|her|their|its'),
  },
  // "admitted to hospital", "waiting to be admitted": let in, not a confession.
  admitted: { notBefore: ['to', 'into'], notAfter: ['be', 'being', 'been'] },
  // "slammed into a tree", "slammed shut": a crash, not a criticism.
  slammed: { notBefore: ['shut', 'on'], notShortlyBefore: ['into'] },
  // "flames ripped through the cabin": force, not a judgement.
  ripped: { notBefore: ['through', 'open', 'out'] },
  // "reckless driving" and "reckless endangerment" are charges in law.
  reckless: { notBefore: ['driving', 'endangerment', 'conduct', 'homicide', 'manslaughter'] },
  // "a noise woke us up": the verb.
  woke: { notBefore: ['up', 'us', 'me', 'him', 'her', 'them', 'early', 'at'] },
  // "the final whistle": the referee's.
  whistle: { notAfter: ['final', 'half-time', 'halftime', 'full-time', "referee's", 'tin', 'penny', 'starting', 'opening'] },
  // "insisted on checking the water": a demand, not a way of reporting speech.
  insisted: { notBefore: ['on', 'upon'] },
  exposed: { notBefore: ['to'] },
  devastating: {
    notBefore: words(
      'floods|flood|flooding|fire|fires|earthquake|storm|storms|hurricane|wildfire|wildfires|disease|illness|injury|injuries|loss|losses',
    ),
  },
  catastrophic: {
    notBefore: words('flood|flooding|floods|failure|failures|fire|fires|injury|injuries|damage|storm|hurricane|loss|event|events'),
  },
  unprecedented: { notBefore: ['in'] },
  mob: { notAfter: ['flash'] },
  astronomical: {
    notBefore: words(
      'observatory|observatories|observation|observations|unit|units|object|objects|society|data|telescope|telescopes|survey|clock',
    ),
  },
  greedy: {
    notBefore: ['algorithm', 'algorithms', 'approach', 'heuristic', 'heuristics', 'search', 'strategy', 'method', 'matching', 'choice'],
  },
  chaotic: {
    notBefore: words('system|systems|dynamics|behavior|behaviour|attractor|attractors|motion|map|maps|regime|orbit|orbits'),
  },
  toxic: {
    notBefore: [
      'chemical',
      'chemicals',
      'substance',
      'substances',
      'waste',
      'gas',
      'gases',
      'fumes',
      'metal',
      'metals',
      'algae',
      'dose',
      'doses',
      'levels',
      'shock',
      'effects',
      'compounds',
      'compound',
      'spill',
      'smoke',
      'mushrooms',
      'plants',
      'plant',
      // "toxic to plants", "toxic megacolon": poison and medicine, not a judgement ("toxic to
      // voters" still is one).
      'megacolon',
      'to humans',
      'to the human',
      'to plants',
      'to animals',
      'to mammals',
      'to cattle',
      'to livestock',
      'to dogs',
      'to cats',
      'to pets',
      'to fish',
      'to birds',
      'to bees',
      'to insects',
      'to wildlife',
      'to children',
      'to the skin',
      'to the liver',
      'to the kidneys',
    ],
    notAfter: ['highly', 'non', 'mildly', 'relatively', 'moderately', 'acutely', 'potentially', 'slightly'],
  },
  // "peculiar to the region": belonging only to it.
  peculiar: { notBefore: ['to'] },
  // "the school boasts a drama club": it has one; "boasted of", "boasted that", "boasted the
  // economy was…" report speech.
  boasted: { notBefore: ['a', 'an', 'one', 'two', 'three', 'several', 'many', 'more', 'over', 'some'] },
  literally: {
    notBefore: [
      'means',
      'meaning',
      'meant',
      'translated',
      'translates',
      'named',
      'called',
      'german',
      'french',
      'latin',
      'greek',
      '"',
      '“',
      "'",
      '‘',
      '(',
      // "Literally, heterotopia means…": in the literal sense of a word.
      ',',
    ],
  },
  sheer: {
    notBefore: words('drop|drops|cliff|cliffs|face|faces|rock|wall|walls|fabric|fabrics|tights|curtain|curtains|stockings'),
  },
  radical: {
    notAfter: ['free', 'hydroxyl', 'methyl', 'nitric'],
    notBefore: ['sign', 'signs', 'expression', 'expressions', 'mastectomy', 'prostatectomy', 'surgery'],
  },
  puppet: { notBefore: ['show', 'shows', 'theatre', 'theater', 'theatres', 'theaters', 'master', 'masters', 'maker', 'makers'] },
  brutal: { notBefore: ['winter', 'winters', 'heat', 'cold', 'climb', 'schedule', 'workout'] },
  blasted: { notBefore: ['apart', 'off', 'away', 'open', 'out', 'through', 'into', 'down', 'up', 'with'] },
  spewed: {
    notBefore: words('water|smoke|steam|lava|ash|gas|oil|fumes|sewage|mud|flames|fire|debris|sparks|dust'),
  },
  // Words the model rates as loaded, in their plain senses: "without disturbing the spacing"
  // (the verb, with its object; "disturbing that…" stays a judgement), "glossy historical
  // photos" (the finish), "a fantasy novel", "a dark fantasy" (the genre; "a fantasy world"
  // stays a judgement).
  disturbing: {
    notBefore: words('the|a|an|his|her|its|their|our|my|your|these|those|him|them|us|me|anyone|anything|nothing|sleep'),
  },
  glossy: {
    notShortlyBefore: words(
      'images|image|photos|photo|photographs|pictures|paper|magazine|magazines|finish|prints|print|pages|leaves|coat|hair|cover|covers|brochure|brochures|surface|black|white|lipstick|paint',
    ),
  },
  fantasy: {
    notBefore: words(
      'novel|novels|film|films|movie|movies|series|genre|fiction|football|league|leagues|game|games|book|books|author|authors|writer|writers|epic|literature|sports|baseball|basketball|hockey|saga|realm|creatures',
    ),
    notAfter: words('science|epic|high|dark|urban|historical|romantic|heroic|sci-fi'),
  },
  // Not a lexicon cue but a word the model rates as loaded: "lies" the noun. The verb ("the
  // village lies in the valley", "Underground lies a tangle of pipes") says where something is.
  lies: {
    notBefore: words(
      'a|an|the|in|on|at|within|between|beneath|below|under|along|near|north|south|east|west|just|beyond|across|inside|outside|among|adjacent',
    ),
  },
};

/** How many words after a cue its context rules look at (`notShortlyBefore`, phrases in `notBefore`). */
const WORDS_AFTER = 4;

/**
 * Whether the words around `cue` (a lexicon cue's words, or one word the model scores), which
 * stands at `words[start, end)` (lower case), make it plain here, by {@link CUE_EXCEPTIONS}: the
 * word before it, the word after it or the words after it ("toxic to plants"), or one of the
 * few words after it.
 */
export function excusedByContext(cue: string, words: readonly { readonly lower: string }[], start: number, end: number): boolean {
  const rule = CUE_EXCEPTIONS[cue];
  if (!rule) return false;
  const before = words[start - 1]?.lower;
  if (before !== undefined && rule.notAfter?.includes(before)) return true;
  const after = words.slice(end, end + WORDS_AFTER).map((word) => word.lower);
  const follows = (phrase: string) => phrase.split(' ').every((word, k) => after[k] === word);
  return (rule.notBefore?.some(follows) ?? false) || after.some((word) => rule.notShortlyBefore?.includes(word) ?? false);
}

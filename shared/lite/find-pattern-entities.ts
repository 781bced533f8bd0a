import type { Entity, EntityType } from '../protocol/results';

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[6-9]\d\d|20\d\d)`;
const AMOUNT = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion|bn|m|k)\b)?`;
const CURRENCY_WORD = '(?:dollars?|euros?|pounds? sterling|pounds|cents|yen|yuan|francs?|rupees?|USD|EUR|GBP|JPY)';
const UNIT =
  '(?:km|kilometres?|kilometers?|miles?|metres?|meters?|cm|mm|kg|kilograms?|grams?|g|tonnes?|tons?|litres?|liters?|ml|acres?|hectares?|feet|foot|ft|inches|lbs?|°C|°F|degrees)';

const APOSTROPHE = "['’]";
/** Named days, seasons and events: names of their own (MISC), never a weekday plus a place. */
const HOLIDAY = [
  `Black Friday|Cyber Monday|Small Business Saturday|Giving Tuesday|Prime Day|Singles${APOSTROPHE} Day`,
  'Good Friday|Ash Wednesday|Palm Sunday|Easter(?: Sunday| Monday)?|Maundy Thursday|Pentecost|Whitsun',
  `Christmas(?: Day| Eve)?|Boxing Day|New Year${APOSTROPHE}s(?: Day| Eve)|Hogmanay`,
  `Thanksgiving(?: Day)?|Halloween|Valentine${APOSTROPHE}s Day|Mother${APOSTROPHE}s Day|Father${APOSTROPHE}s Day`,
  String.raw`St\.? Patrick${APOSTROPHE}s Day|Saint Patrick${APOSTROPHE}s Day|April Fools${APOSTROPHE}? Day|Guy Fawkes Night|Bonfire Night`,
  `Labou?r Day|Memorial Day|Independence Day|Veterans${APOSTROPHE}? Day|Presidents${APOSTROPHE}? Day|Columbus Day|Juneteenth`,
  String.raw`Martin Luther King(?: Jr\.?)? Day|Remembrance (?:Day|Sunday)|Armistice Day|Anzac Day|Australia Day|Canada Day|Bastille Day`,
  'Super (?:Tuesday|Bowl(?: [LXVI]+)?)|Election Day|Earth Day|World Cup|Olympic Games|Olympics|Paralympics|Eurovision(?: Song Contest)?',
  'Ramadan|Eid al-(?:Fitr|Adha)|Eid|Diwali|Holi|Hanukkah|Chanukah|Passover|Yom Kippur|Rosh Hashanah|Purim|Vesak',
  '(?:Lunar|Chinese) New Year|Mid-Autumn Festival|Day of the Dead|Mardi Gras|Oktoberfest',
].join('|');
/**
 * A battle, siege or treaty named after its place ("Battle of Sayler's Creek", "Second Battle of
 * Bull Run", "Treaty of Versailles", "War of 1812"): an event, not the place.
 */
const EVENT_WORD = String.raw`(?:St\.|\p{Lu}[\p{L}'’-]*)`;
/** Not followed by another capitalised word: "Battle of Britain Churchill" and a title-case headline are no event's name. */
const NO_CAPITAL_NEXT = String.raw`(?![\p{L}\p{N}'’-])(?! \p{Lu})`;
/**
 * A place's name of two words: one that opens such names ("New Orleans", "Port Arthur") or one
 * that closes them ("Bull Run", "Sayler's Creek"). Any other second capitalised word is the next
 * name ("Battle of Britain Churchill"), and the event is left to the tagger.
 */
const TWO_WORD_PLACE = String.raw`(?:(?:New|Port|San|Santa|Los|Las|St\.|Saint|Fort|Mount|Cape|Lake|Little|Great|North|South|East|West|Upper|Lower) ${EVENT_WORD}|${EVENT_WORD} (?:Creek|Run|Hill|Hills|River|Bay|Island|Islands|Ridge|Mountain|Pass|Point|Station|Heights|Ford|Field|Fields|Valley|Forest|Woods|Gap|Bridge|Plains|Springs|Harbor|Harbour|Sound|Strait|Straits|Head|Bluff|Crossroads|Landing))`;
const NAMED_EVENT = `(?:(?:First|Second|Third|Fourth|Fifth) )?(?:Battle|Siege|Sack|Treaty|Massacre|Raid|War) of (?:the )?(?:${TWO_WORD_PLACE}|${EVENT_WORD}|1[0-9]{3})${NO_CAPITAL_NEXT}`;
/** Words that follow "Hurricane" in headlines and compounds, not a storm's name: "Hurricane Season", "Hurricane Nears". */
const STORM_COMPANIONS = `(?:Season|Seasons|Warning|Warnings|Watch|Watches|Center|Centre|Relief|Hunters?|Force|Nears|Hits|Strikes|Threat|Threatens|Damage|Recovery|Preparedness|Forecast|Alert|Names?|Category|Categories|Party|Glass|Lamp)`;
/**
 * A named storm ("Hurricane Sandy", "Typhoon Haiyan"): an event, not the person its name sounds
 * like. A title-case headline ("Hurricane Hits Florida Coast", "Atlantic Hurricane Season") is
 * not one.
 */
const NAMED_STORM = String.raw`(?<!\p{Lu}[\p{L}-]* )(?:Hurricane|Typhoon|(?:Tropical |Super )?Cyclone|Tropical Storm|Superstorm) (?!${STORM_COMPANIONS}\b)\p{Lu}\p{Ll}+${NO_CAPITAL_NEXT}`;

/** Each pattern with its type and confidence, tried in this order (earlier wins overlaps). */
const PATTERNS: readonly { type: EntityType; score: number; pattern: RegExp }[] = [
  { type: 'MISC', score: 0.9, pattern: new RegExp(String.raw`\b(?:${HOLIDAY})\b`, 'gu') },
  { type: 'MISC', score: 0.9, pattern: new RegExp(String.raw`\b${NAMED_STORM}`, 'gu') },
  { type: 'MISC', score: 0.9, pattern: new RegExp(String.raw`\b${NAMED_EVENT}`, 'gu') },
  { type: 'EMAIL', score: 0.99, pattern: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/giu },
  { type: 'URL', score: 0.99, pattern: /\b(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]/giu },
  {
    type: 'DATE',
    score: 0.95,
    pattern: new RegExp(String.raw`\b${YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])\b|\b\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})\b`, 'gu'),
  },
  { type: 'DATE', score: 0.95, pattern: new RegExp(String.raw`(?:\b${WEEKDAY},?\s)?\b${DAY}\s${MONTH}(?:,?\s${YEAR}\b)?`, 'gu') },
  {
    type: 'DATE',
    score: 0.95,
    pattern: new RegExp(String.raw`(?:\b${WEEKDAY},?\s)?\b${MONTH}\s${DAY}\b(?:,?\s${YEAR}\b)?|\b${MONTH}\s${YEAR}\b`, 'gu'),
  },
  {
    type: 'DATE',
    score: 0.85,
    pattern: new RegExp(
      String.raw`\b(?:(?:last|next|this)\s)?${WEEKDAY}\b|\b(?:(?:early|late|mid)[-\s])?${YEAR}s?\b(?!\s?(?:%|percent|per cent))`,
      'giu',
    ),
  },
  {
    type: 'DATE',
    score: 0.7,
    pattern: /\b(?:yesterday|today|tomorrow|(?:last|next|this) (?:week|month|year|spring|summer|autumn|fall|winter))\b/giu,
  },
  {
    type: 'TIME',
    score: 0.9,
    pattern:
      /\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:[ap]\.m\.|[ap]m\b))?|\b(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m\b)|\b(?:noon|midnight)\b/giu,
  },
  { type: 'MONEY', score: 0.95, pattern: new RegExp(String.raw`(?:(?:\b(?:US|A|C|NZ|HK))?\$|[€£¥₹])\s?(?:${AMOUNT})${SCALE}`, 'gu') },
  {
    type: 'MONEY',
    score: 0.9,
    pattern: new RegExp(String.raw`\b(?:${AMOUNT})(?:\s(?:thousand|million|billion|trillion))?\s${CURRENCY_WORD}\b`, 'gu'),
  },
  {
    type: 'PERCENT',
    score: 0.95,
    pattern: new RegExp(String.raw`\b(?:${AMOUNT})(?:\s?%|\s(?:percent|per cent|percentage points?)\b)`, 'gu'),
  },
  { type: 'QUANTITY', score: 0.8, pattern: new RegExp(String.raw`\b(?:${AMOUNT})(?:-|\s)?(?:square\s|cubic\s)?${UNIT}(?![\p{L}])`, 'gu') },
];

/**
 * Finds entities that follow fixed patterns: named days and events ("Black Friday",
 * "Thanksgiving", "Ramadan", "World Cup", "Hurricane Sandy", "Battle of Bull Run") as MISC, dates ("12 March 2024", "March 12, 2024",
 * "2024-03-12", "last Tuesday"), times, money ("$5 million", "€20", "5 dollars"), percentages,
 * quantities, e-mail addresses and URLs. Overlaps keep the earlier pattern, then the longer match.
 */
export function findPatternEntities(text: string): Entity[] {
  // Kept entities stay sorted and never overlap, so each pattern's matches (in text order) are
  // checked against them in one sweep and merged in: linear in the matches, even on a page of
  // figures, where checking every match against every entity kept took half a minute.
  let kept: Entity[] = [];
  for (const { type, score, pattern } of PATTERNS) {
    const added: Entity[] = [];
    let k = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      while (k < kept.length && (kept[k]?.end ?? 0) <= start) k++;
      if (k < kept.length && (kept[k]?.start ?? Infinity) < end) continue;
      added.push({ start, end, text: match[0], type, score, source: 'pattern' });
    }
    if (added.length > 0) kept = mergeByStart(kept, added);
  }
  return kept;
}

/** Two lists of entities, each sorted by start, as one. */
function mergeByStart(a: readonly Entity[], b: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x as Entity);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

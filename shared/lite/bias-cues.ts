import { z } from 'zod';
import { BiasCategorySchema, type BiasCategory } from '../protocol/results';

/**
 * Loupe's own bias cue lexicon, written for Loupe. Entries are `phrase` or `phrase=neutral`
 * (`phrase=` means "drop the word"); phrases are matched word by word, case-insensitively.
 */
export const BiasCueSchema = z.strictObject({
  /** Lower-case words of the phrase, as written (the matcher also accepts -s/-ed/-ing/-ly). */
  words: z.array(z.string().min(1)).min(1),
  category: BiasCategorySchema,
  /** How strongly one occurrence suggests bias, in (0, 1]. */
  strength: z.number().gt(0).max(1),
  /** A neutral replacement; the empty string means the word can simply go. */
  suggestion: z.string().optional(),
  /** Whether inflected forms match ("slammed" → "slams", "slamming"); intensifiers match exactly. */
  inflect: z.boolean(),
});
export type BiasCue = z.infer<typeof BiasCueSchema>;

interface CueGroup {
  category: BiasCategory;
  strength: number;
  entries: string;
}

/** Categories whose cues are verbs, nouns or adjectives that inflect; intensifiers and hedges match as written. */
const INFLECTING: ReadonlySet<BiasCategory> = new Set(['loaded-language', 'name-calling', 'framing-verb']);

const GROUPS: readonly CueGroup[] = [
  // Loaded verbs of saying and acting: they judge instead of report.
  {
    category: 'loaded-language',
    strength: 0.7,
    entries:
      'slammed=criticized|blasted=criticized|lambasted=criticized|ripped into=criticized|savaged=criticized|' +
      'trashed=criticized|skewered=criticized|bashed=criticized|torched=criticized|eviscerated=criticized|' +
      'excoriated=criticized|railed against=objected to|lashed out at=criticized|raged=objected|ranted=said|' +
      'whined=complained|bragged=said|boasted=said|gloated=said|sneered=said|fumed=objected|mocked=questioned|' +
      'smeared=criticized|peddled=promoted|touted=promoted|spewed=said|parroted=repeated|stonewalled=declined to answer|' +
      'caved=agreed|plotted=planned|schemed=planned|meddled=intervened|rammed through=passed|hijacked=took over|' +
      'gutted=cut|bulldozed=pushed|strong-armed=pressured|bullied=pressured|hoodwinked=misled|duped=misled|' +
      'squandered=spent|splurged=spent|grovelled=apologized|groveled=apologized|kowtowed=deferred|pandered=appealed',
  },
  // Loaded adjectives and adverbs.
  {
    category: 'loaded-language',
    strength: 0.65,
    entries:
      'radical=|extremist=hardline|disastrous=harmful|catastrophic=serious|shameful=|shameless=|' +
      'outrageous=|disgraceful=|appalling=|horrific=serious|horrendous=|atrocious=|egregious=|reckless=risky|' +
      'ruthless=|crooked=|draconian=strict|heavy-handed=strict|job-killing=|far-left=left-wing|' +
      'far-right=right-wing|fanatical=committed|elitist=|out-of-touch=|arrogant=|pathetic=|ridiculous=|absurd=|' +
      'bizarre=unusual|insane=|idiotic=|stupid=|incompetent=|inept=|bloated=large|wasteful=costly|' +
      'notorious=known|infamous=known|embattled=|beleaguered=|' +
      'disgraced=former|vile=|evil=|wicked=|sinister=|nefarious=|shady=unclear|shocking=surprising|' +
      'jaw-dropping=|crippling=severe|vicious=harsh|heroic=|cowardly=|treacherous=|deranged=|hysterical=|' +
      'lazy=|greedy=|corrupt=|dishonest=|hypocritical=|scandalous=|sleazy=|toxic=|chaotic=|woke=|unhinged=|rogue=|divisive=disputed',
  },
  // Loaded nouns for things and acts (labels for people are name-calling, below).
  {
    category: 'loaded-language',
    strength: 0.7,
    entries:
      'regime=government|mob=crowd|horde=crowd|hordes=crowds|infestation=presence|propaganda=messaging|' +
      'brainwashed=persuaded|indoctrination=teaching|tirade=speech|rant=statement|diatribe=criticism|screed=article|' +
      'crusade=campaign|witch hunt=investigation|power grab=expansion of powers|slush fund=fund|handout=payment|' +
      'handouts=payments|nanny state=government regulation|death tax=estate tax|sham=|farce=|hoax=|scam=|' +
      'debacle=failure|fiasco=failure|boondoggle=project|bombshell=new|meltdown=setback|gravy train=payments',
  },
  // Labels pinned on people or groups.
  {
    category: 'name-calling',
    strength: 0.75,
    entries:
      'thugs=attackers|thug=attacker|cronies=allies|henchmen=aides|puppet=ally|stooge=ally|lackey=aide|' +
      'lunatic=|lunatics=|maniac=|demagogue=politician|tyrant=leader|zealot=supporter|zealots=supporters|' +
      'fanatics=supporters|snowflakes=|freeloaders=recipients|illegals=undocumented immigrants|' +
      'illegal aliens=undocumented immigrants|fat cats=executives|apologists=defenders|mouthpiece=spokesperson|' +
      'agitators=protesters|ideologues=advocates|traitor=|traitors=|crook=|crooks=|idiot=|idiots=|' +
      'moron=|morons=|hypocrite=|hypocrites=|grifter=|grifters=|bigot=|bigots=|' +
      'leftists=left-wing activists|libtards=|rednecks=|globalists=|elites=officials|self-proclaimed=|' +
      'self-styled=',
  },
  // Absolutes, superlatives and intensifiers: they make a thing sound bigger than the facts show.
  // Negations ("never", "no one") and counts are not here: dropping them would change the facts.
  {
    category: 'exaggeration',
    strength: 0.45,
    entries:
      'totally=|absolutely=|utterly=|undeniably=|undoubtedly=|unquestionably=|indisputably=|incontrovertibly=|' +
      'every single=every|each and every=every|whatsoever=|of all time=|worst ever=worst|best ever=best|' +
      'literally=|beyond doubt=|without a doubt=|without question=|incredibly=|unbelievably=|massively=|' +
      'hugely=|tremendously=|extraordinarily=|sheer=|utter=|complete and utter=|nothing short of=|' +
      'stunning=unexpected|mind-boggling=|astronomical=high|' +
      'unprecedented=unusual|devastating=severe|brutal=harsh|nightmare=problem',
  },
  // Weak cues (0.3) need company: one alone stays under the flag threshold.
  {
    category: 'exaggeration',
    strength: 0.3,
    entries:
      'completely=|entirely=|clearly=|obviously=|plainly=|truly=|extremely=|remarkably=|exceptionally=|' +
      'certainly=|surely=|definitely=|overwhelmingly=|thoroughly=|wildly=|vastly=|enormously=',
  },
  // Verbs that judge what someone said while reporting it.
  {
    category: 'framing-verb',
    strength: 0.55,
    entries:
      'admitted=said|conceded=said|confessed=said|insisted=said|professed=said|proclaimed=said|' +
      'let slip=said|owned up=said|came clean=said|backtracked=changed position|flip-flopped=changed position|' +
      'dodged=did not answer|evaded=did not answer|ducked=did not answer|was forced to admit=said|' +
      'finally admitted=said|grudgingly=|unmasked=identified|debunked=disputed',
  },
  // "claimed" casts doubt, but encyclopedias and wires use it plainly too: it needs company.
  { category: 'framing-verb', strength: 0.3, entries: 'claimed=said' },
  // Vague about who holds a view or how sure it is; shown quietly.
  {
    category: 'hedge',
    strength: 0.5,
    entries:
      'reportedly|allegedly|supposedly|purportedly|arguably|ostensibly|is said to|are said to|was said to|' +
      'were said to|is thought to|are thought to|is believed to|are believed to|is rumoured to|is rumored to|' +
      'is widely regarded|are widely regarded|is widely seen|are widely seen|is widely considered|' +
      'are widely considered|is widely believed|widely believed|is considered by many|are considered by many|' +
      'is considered by some|by some accounts|by many accounts|so they say|or so it seems|what some call|' +
      'what critics call|some would say|one could argue|could be seen as|is seen by many|has been called',
  },
  {
    category: 'hedge',
    strength: 0.3,
    entries:
      'apparently|seemingly|presumably|it seems|it appears|to some extent|in some ways|more or less|' +
      'sort of|kind of|somewhat|perhaps|possibly|conceivably',
  },
];

/** The lexicon, parsed: a few hundred cues over the word-choice categories and hedges. */
export const BIAS_CUES: readonly BiasCue[] = GROUPS.flatMap(({ category, strength, entries }) =>
  entries.split('|').map((entry): BiasCue => {
    const [phrase = '', suggestion] = entry.split('=');
    const cue: BiasCue = {
      words: phrase.trim().split(/\s+/u),
      category,
      strength,
      inflect: INFLECTING.has(category) && !phrase.includes('-'),
    };
    if (suggestion !== undefined) cue.suggestion = suggestion;
    return cue;
  }),
);

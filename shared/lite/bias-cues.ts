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

interface CueGroup { category: BiasCategory; strength: number; entries: string }

const GROUPS: readonly CueGroup[] = [
  // Loaded verbs of saying and acting: they judge instead of report.
  { category: 'loaded-language', strength: 0.7, entries:
    'slammed=criticized|blasted=criticized|lambasted=criticized|ripped into=criticized|savaged=criticized|' +
    'trashed=criticized|skewered=criticized|bashed=criticized|torched=criticized|eviscerated=criticized|' +
    'excoriated=criticized|railed against=objected to|lashed out at=criticized|raged=objected|ranted=said|' +
    'whined=complained|bragged=said|boasted=said|gloated=said|sneered=said|fumed=objected|mocked=questioned|' +
    'smeared=criticized|peddled=promoted|touted=promoted|spewed=said|parroted=repeated|stonewalled=declined to answer|' +
    'caved=agreed|plotted=planned|schemed=planned|meddled=intervened|rammed through=passed|hijacked=took over|' +
    'gutted=cut|bulldozed=pushed|strong-armed=pressured|bullied=pressured|hoodwinked=misled|duped=misled|' +
    'squandered=spent|splurged=spent|grovelled=apologized|groveled=apologized|kowtowed=deferred|pandered=appealed' },
  // Loaded adjectives and adverbs.
  { category: 'loaded-language', strength: 0.65, entries:
    'radical=|extreme=|extremist=hardline|disastrous=harmful|catastrophic=serious|shameful=|shameless=|' +
    'outrageous=|disgraceful=|appalling=|horrific=serious|horrendous=|atrocious=|egregious=|reckless=risky|' +
    'ruthless=|crooked=|draconian=strict|heavy-handed=strict|job-killing=|fringe=minority|far-left=left-wing|' +
    'far-right=right-wing|fanatical=committed|elitist=|out-of-touch=|arrogant=|pathetic=|ridiculous=|absurd=|' +
    'bizarre=unusual|insane=|crazy=|idiotic=|stupid=|incompetent=|inept=|bloated=large|wasteful=costly|' +
    'lavish=expensive|notorious=known|infamous=known|embattled=under pressure|beleaguered=under pressure|' +
    'disgraced=former|vile=|evil=|wicked=|sinister=|nefarious=|shady=unclear|shocking=surprising|' +
    'stunning=unexpected|staggering=large|jaw-dropping=|devastating=severe|crippling=severe|brutal=harsh|' +
    'vicious=harsh|savage=harsh|heroic=|cowardly=|treacherous=|deranged=|hysterical=|paranoid=|' +
    'so-called=|self-proclaimed=|lazy=|greedy=|corrupt=|dishonest=|hypocritical=|' +
    'scandalous=|sleazy=|toxic=|woke=|unhinged=|rogue=|militant=|controversial=disputed|divisive=disputed' },
  // Loaded nouns and noun phrases.
  { category: 'loaded-language', strength: 0.7, entries:
    'regime=government|thugs=attackers|thug=attacker|mob=crowd|horde=crowd|hordes=crowds|swarm=group|' +
    'invasion=arrivals|infestation=presence|propaganda=messaging|brainwashed=persuaded|indoctrination=teaching|' +
    'cult=group|cronies=allies|henchmen=aides|puppet=ally|stooge=ally|lackey=aide|tirade=speech|rant=statement|' +
    'diatribe=criticism|screed=article|crusade=campaign|onslaught=series|witch hunt=investigation|' +
    'power grab=expansion of powers|slush fund=fund|handout=payment|handouts=payments|freeloaders=recipients|' +
    'illegals=undocumented immigrants|illegal aliens=undocumented immigrants|nanny state=government regulation|' +
    'death tax=estate tax|sham=|farce=|hoax=|scam=|debacle=failure|fiasco=failure|boondoggle=project|' +
    'lunatic=|maniac=|demagogue=politician|tyrant=leader|zealot=supporter|zealots=supporters|fanatics=supporters|' +
    'snowflakes=|elites=officials|bombshell=new|meltdown=setback|scandal-plagued=|gravy train=payments|' +
    'fat cats=executives|bureaucrats=officials|apologists=defenders|mouthpiece=spokesperson|agitators=protesters|' +
    'hardliners=conservatives|ideologues=advocates|war on=campaign against|assault on=challenge to' },
  { category: 'hedge', strength: 0.5, entries:
    'some say|some people say|some have said|some believe|some argue|some would argue|some critics|' +
    'many people|many believe|many say|many argue|people are saying|critics say|critics claim|critics argue|' +
    'observers say|observers believe|it is believed|it is thought|it is said|it is claimed|it is reported|' +
    'it is alleged|it is rumored|it is rumoured|it has been suggested|it has been said|it has been claimed|' +
    'it is understood|it is feared|there are those who|questions have been raised|concerns have been raised|' +
    'sources say|sources suggest|insiders say|one could argue|could be seen as|is seen by many|' +
    'is widely regarded|is widely seen|is widely believed|is said to|are said to|is thought to|are thought to|' +
    'is believed to|are believed to|reportedly|allegedly|supposedly|purportedly|arguably|ostensibly|' +
    'rumoured|rumored|so they say|or so it seems|what some call|what critics call' },
  // Weak cues (0.3) need company: one alone stays under the flag threshold.
  { category: 'hedge', strength: 0.3, entries:
    'apparently|seemingly|presumably|it seems|it appears|appears to|seems to|to some extent|in some ways|' +
    'more or less|sort of|kind of|somewhat|perhaps|possibly|conceivably|likely to be|may well' },
  { category: 'unattributed-claim', strength: 0.6, entries:
    'experts agree|experts say|experts warn|experts believe|experts have long|scientists agree|scientists say|' +
    'doctors agree|doctors say|economists agree|historians agree|analysts say|officials say|studies show|' +
    'studies have shown|studies suggest|studies prove|research shows|research has shown|research suggests|' +
    'research proves|science says|science shows|a recent study|a new study|one study|polls show|surveys show|' +
    'it is widely known|it is well known|it is common knowledge|everyone knows|everybody knows|as we all know|' +
    'as everyone knows|it is no secret|it is clear that|it is obvious that|there is no doubt|there is no question|' +
    'the evidence is clear|the science is settled|most people agree|most people know|the majority of people|' +
    'according to reports|according to sources|nobody believes|no one doubts|no one disputes|it is a fact|' +
    'the fact is|the truth is|make no mistake|needless to say|it goes without saying|common sense tells us|' +
    'history shows|history tells us|numbers show|the data show|the data shows|it has been proven|is proven to' },
  { category: 'framing-verb', strength: 0.55, entries:
    'admitted=said|conceded=said|confessed=said|revealed=said|exposed=described|claimed=said|insisted=said|' +
    'alleged=said|asserted=said|contended=said|professed=said|proclaimed=said|refuted=disputed|debunked=disputed|' +
    'disproved=disputed|let slip=said|owned up=said|came clean=said|backtracked=changed position|' +
    'flip-flopped=changed position|dodged=did not answer|evaded=did not answer|ducked=did not answer|' +
    'was forced to admit=said|finally admitted=said|grudgingly=|uncovered=found|unmasked=identified|' +
    'blamed=said was responsible' },
  { category: 'framing-verb', strength: 0.4, entries:
    'acknowledged=said|maintained=said|pointed out=said|noted that=said that|confirmed=said|realized=said|' +
    'realised=said|proved=showed|proven=shown' },
  { category: 'intensifier', strength: 0.45, entries:
    'always=|never=|totally=|absolutely=|utterly=|undeniably=|undoubtedly=|' +
    'unquestionably=|indisputably=|incontrovertibly=|every single=every|each and every=every|not a single=no|' +
    'whatsoever=|of all time=|in history=|worst ever=worst|best ever=best|the worst=|the greatest=|' +
    'unprecedented=unusual|literally=|beyond doubt=|without a doubt=|without question=|100 percent=|' +
    'one hundred percent=|incredibly=|unbelievably=|enormously=|massively=|hugely=|tremendously=|' +
    'extraordinarily=|sheer=|utter=|total=|complete and utter=|perfectly=|forever=|everyone=many|' +
    'everybody=many|nobody=few|no one=few|all of them=many of them|none of them=few of them|nothing but=' },
  { category: 'intensifier', strength: 0.3, entries:
    'completely=|entirely=|clearly=|obviously=|plainly=|simply=|truly=|really=|extremely=|remarkably=|exceptionally=|deeply=|' +
    'certainly=|surely=|definitely=|positively=|overwhelmingly=|thoroughly=|wildly=|vastly=' },
];

/** The lexicon, parsed: a few hundred cues over the five categories. */
export const BIAS_CUES: readonly BiasCue[] = GROUPS.flatMap(({ category, strength, entries }) =>
  entries.split('|').map((entry): BiasCue => {
    const [phrase = '', suggestion] = entry.split('=');
    const cue: BiasCue = { words: phrase.trim().split(/\s+/u), category, strength, inflect: category !== 'intensifier' };
    if (suggestion !== undefined) cue.suggestion = suggestion;
    return cue;
  }),
);

/**
 * Context in which a cue is not a cue: the word just before (`after`) or just after (`before`)
 * it. "tax regime" is neutral; "admitted to hospital" is not a framing verb.
 */
export const CUE_EXCEPTIONS: Readonly<Record<string, { notAfter?: readonly string[]; notBefore?: readonly string[] }>> = {
  regime: { notAfter: ['tax', 'training', 'exercise', 'fitness', 'treatment', 'sanctions', 'dosing', 'visa', 'trade', 'diet', 'regulatory', 'legal', 'pension'] },
  claimed: { notBefore: ['victory', 'responsibility', 'lives', 'the', 'title', 'credit', 'seat', 'asylum', 'benefits', 'damages', 'ownership', 'a', 'his', 'her', 'their', 'its'] },
  admitted: { notBefore: ['to', 'into'] },
  exposed: { notBefore: ['to'] },
  extreme: { notBefore: ['weather', 'heat', 'cold', 'temperatures', 'poverty'] },
  total: { notBefore: ['of', 'cost', 'costs', 'number', 'amount', 'budget', 'population', 'votes', 'spending', 'revenue', 'area', 'length', 'time', 'weight'] },
  devastating: { notBefore: ['floods', 'flood', 'fire', 'fires', 'earthquake', 'storm', 'hurricane'] },
};

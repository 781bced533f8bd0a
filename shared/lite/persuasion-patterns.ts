import type { BiasCategory } from '../protocol/results';

/** One hand-written pattern of a persuasion technique; matched case-insensitively inside one sentence. */
export interface PersuasionPattern {
  readonly category: BiasCategory;
  readonly pattern: RegExp;
}

const US = '(?:our|your|this|the)';
const HARM = String.raw`(?:destroy|destroys|wipe\s+out|wipes\s+out|devastate|ruin|ruins|kill|kills|bankrupt|bankrupts|tear\s+apart|tears\s+apart)`;
const DEAR = String.raw`(?:country|nation|way\s+of\s+life|children|kids|families|economy|democracy|future|communities|neighbou?rhoods|freedoms?|jobs)`;

const FEAR: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:will|would|could|is\s+going\s+to|are\s+going\s+to|threatens\s+to|threaten\s+to)\s+(?:\w+\s+)?${HARM}\s+${US}\s+(?:\w+\s+)?${DEAR}\b`,
    'iu',
  ),
  /\bbefore\s+it['’]?s\s+too\s+late\b/iu,
  /\bexistential\s+threat\b/iu,
  new RegExp(String.raw`\b(?:grave|mortal|serious|direct)?\s*threat\s+to\s+(?:our|your)\s+(?:\w+\s+)?${DEAR}\b`, 'iu'),
  /\b(?:your|our)\s+(?:children|kids|families|loved\s+ones)\s+(?:are|will\s+be)\s+(?:in\s+danger|at\s+risk|next|not\s+safe)\b/iu,
  /\bno\s+one\s+(?:is|will\s+be)\s+safe\b/iu,
  /\b(?:ticking\s+time\s+bomb|on\s+the\s+brink\s+of\s+(?:collapse|disaster|catastrophe|ruin|chaos)|descend(?:s|ing)?\s+into\s+chaos)\b/iu,
  /\bif\s+we\s+(?:don['’]t|do\s+not|fail\s+to)\s+act\s+(?:now|immediately|today)\b/iu,
  /\b(?:the\s+end\s+of\s+(?:democracy|civilization|civilisation|our\s+country|the\s+republic)|apocalyptic|live\s+in\s+fear)\b/iu,
];

const DOUBT: readonly RegExp[] = [
  /\bso-called\s+(?:experts?|science|scientists|journalists?|journalism|news|reporters|evidence|stud(?:y|ies)|facts|fact-checkers?|investigation|report)\b/iu,
  /\bcan\s+(?:we|you|anyone)\s+(?:really\s+|even\s+|honestly\s+|still\s+)?(?:trust|believe)\b/iu,
  /\b(?:questionable|dubious|shaky|suspect)\s+(?:track\s+record|record|credentials|motives|science|evidence|sources?|claims|honesty)\b/iu,
  /\bwhat\s+(?:is|are)\s+(?:he|she|they|it)\s+(?:really\s+)?hiding\b/iu,
  /\bhas\s+a\s+(?:long\s+)?history\s+of\s+(?:lying|dishonesty|deception|making\s+things\s+up)\b/iu,
  /\b(?:can['’]?t|cannot|can\s+not|is\s+not\s+to|are\s+not\s+to)\s+be\s+trusted\b/iu,
  /\bwho\s+(?:is|are)\s+(?:he|she|they)\s+to\s+(?:say|tell|lecture|judge)\b/iu,
  /\bhardly\s+(?:a|an)\s+(?:reliable|credible|trustworthy|impartial|neutral|objective)\b/iu,
  /\b(?:supposed|self-described|self-proclaimed|self-styled)\s+experts?\b/iu,
  /\bfake\s+news\b/iu,
];

const FLAG: readonly RegExp[] = [
  /\b(?:real|true)\s+(?:americans?|patriots?|britons|brits|canadians|australians)\b/iu,
  /\b(?:un-american|unamerican|unpatriotic)\b/iu,
  /\b(?:our|this)\s+great\s+(?:nation|country|republic)\b/iu,
  /\bpatriotic\s+duty\b/iu,
  /\b(?:betray(?:s|ed|ing)?|hates?|hated|hating)\s+(?:our|this)\s+(?:country|nation)\b/iu,
  /\b(?:anyone|those|people)\s+who\s+(?:truly\s+)?(?:loves?|cares?\s+about)\s+(?:this|our)\s+(?:country|nation)\b/iu,
  /\b(?:make|makes|making|keep|keeps)\s+america\s+great\b/iu,
  /\bgod\s+bless\s+(?:america|our\s+country)\b/iu,
  /\bdefend\s+our\s+(?:way\s+of\s+life|values|heritage|culture|borders)\b/iu,
];

const CAUSE: readonly RegExp[] = [
  /\b(?:is|are|was|were)\s+(?:solely|entirely|single-handedly|alone|wholly)\s+(?:to\s+blame|responsible)\b/iu,
  /\bthe\s+(?:only|sole|single|one\s+and\s+only)\s+(?:reason|cause)\s+(?:for|of|why|that)\b/iu,
  /\b(?:all|everything)\s+(?:is\s+|was\s+)?because\s+of\b/iu,
  /\b(?:is|are)\s+the\s+root\s+of\s+all\b/iu,
  /\bsingle-handedly\s+(?:ruined|destroyed|caused|created|wrecked|sank)\b/iu,
  /\b(?:none\s+of\s+this|nothing\s+of\s+this|this\s+would\s+never)\s+(?:would\s+have\s+happened|have\s+happened|happened)\s+(?:if|without|but\s+for)\b/iu,
  /\bit['’]?s\s+all\s+(?:his|her|their|the\s+\w+['’]s)\s+fault\b/iu,
  /\b(?:is|are)\s+to\s+blame\s+for\s+(?:everything|all\s+of\s+(?:it|this|our))\b/iu,
];

const DILEMMA: readonly RegExp[] = [
  /\beither\s+(?:you|we|they)\b[^.;!?]{1,80}?\bor\s+(?:you|we|they)\b/iu,
  /\b(?:you['’]re|you\s+are)\s+(?:either\s+)?with\s+us\s+or\s+(?:against\s+us|with\s+(?:them|the))\b/iu,
  /\bthere\s+(?:is|are)\s+(?:no\s+(?:other\s+)?(?:alternatives?|options?|choice)|only\s+two\s+(?:options|choices|ways))\b/iu,
  /\bthe\s+only\s+(?:alternative|option|choice)\s+(?:is|left)\b/iu,
  /\bnow\s+or\s+never\b/iu,
  /\bbut\s+what\s+about\b/iu,
  /\b(?:where|why)\s+was\s+(?:the|their|his|her)\s+outrage\b/iu,
  /\b(?:nobody|no\s+one)\s+(?:complained|said\s+a\s+word|batted\s+an\s+eye|cared)\s+when\b/iu,
];

/** Loupe's hand-written patterns for the persuasion techniques beyond single loaded words. */
export const PERSUASION_PATTERNS: readonly PersuasionPattern[] = [
  ...FEAR.map((pattern) => ({ category: 'appeal-to-fear' as const, pattern })),
  ...DOUBT.map((pattern) => ({ category: 'doubt-casting' as const, pattern })),
  ...FLAG.map((pattern) => ({ category: 'flag-waving' as const, pattern })),
  ...CAUSE.map((pattern) => ({ category: 'causal-oversimplification' as const, pattern })),
  ...DILEMMA.map((pattern) => ({ category: 'false-dilemma' as const, pattern })),
];

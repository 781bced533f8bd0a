/**
 * News sentences written for Loupe's tests: each loaded sentence with a neutral rewrite that
 * reports the same event.
 */
export const LOADED_AND_NEUTRAL: readonly { loaded: string; neutral: string }[] = [
  {
    loaded: 'Senator Hale slammed the radical proposal as a disastrous power grab by reckless bureaucrats.',
    neutral: "Senator Hale criticized the proposal, saying it would expand the agency's powers.",
  },
  {
    loaded: 'The shameless mayor rammed through a bloated budget that squanders taxpayer money.',
    neutral: 'The council approved the mayor’s budget by a 6-3 vote, raising spending by 4 percent.',
  },
  {
    loaded: 'The so-called reform is a sinister scheme to silence voters.',
    neutral: 'The reform changes how voter registration forms are processed, officials said.',
  },
  {
    loaded: 'A vicious mob of extremist thugs attacked peaceful families outside the courthouse.',
    neutral: 'Two groups of protesters clashed outside the courthouse on Friday, police said.',
  },
  {
    loaded: 'Greedy executives pocketed outrageous bonuses while hardworking employees suffered.',
    neutral: 'Executives received bonuses this year, according to the company’s annual report.',
  },
  {
    loaded: "The embattled governor's disgraceful handling of the crisis has been an utter disaster.",
    neutral: "The governor's office released a statement on Tuesday about its response to the flooding.",
  },
];

/**
 * A short English stopword list written for Loupe: function words that carry no topic, so
 * sentence similarity is driven by content words.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers herself him himself his how i if in into is it ' +
    'its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself ' +
    'yourselves said says say says one two also may might must shall per via upon within without ' +
    "it's don't can't won't isn't aren't wasn't weren't i'm you're we're they're that's there's " +
    "'s mr mrs ms dr"
  ).split(/\s+/u),
);

import { stemWord } from '../../text/stem-word';

/**
 * Concrete nouns that name things, places, weather, creatures, the body and its ailments, and
 * the parts and kinds of living things, written for Loupe: a story about a storm, a flooded road
 * or a kitchen knife, a medical page on diarrhoea or a botany page on a species' characteristic
 * cones uses them literally, so they are never a cue on their own, whatever the model learnt
 * from their figurative uses ("a storm of criticism", "bred contempt").
 */
const PLAIN_NOUNS = new Set(
  (
    'storm flood fire flame blaze smoke wave tide wind rain snow ice hail fog heat cold drought earthquake hurricane ' +
    'tornado cyclone typhoon lightning thunder volcano avalanche landslide wall brick stone rock table chair knife ' +
    'fork spoon plate cup bottle glass boat ship ferry car truck bus train plane bike house home door window roof ' +
    'floor room kitchen garden tree forest wood leaf flower grass field farm river lake sea ocean beach island hill ' +
    'mountain valley road street bridge tunnel market shop store school church hospital office factory bread meat ' +
    'fruit milk egg cheese dog cat horse cow pig sheep bird fish snake rat insect bee machine engine computer phone ' +
    'camera screen book paper letter box bag gun bullet bomb blood bone tooth teeth hand head heart skin water oil ' +
    'gas coal steel iron gold silver salt sugar ' +
    'diarrhea diarrhoea nausea vomiting fever cough rash infection tumor tumour symptom wound stomach gut lung ' +
    'liver kidney muscle cell gene protein tissue organ plant seed root shoot stem crop scale shell ' +
    'feather fur tail species breed breeding mammal rodent reptile spider characteristic finger arm leg foot feet ' +
    'eye ear nose mouth neck shoulder knee'
  )
    .split(/\s+/u)
    .map(stemWord),
);

/** Whether `stem` is one of {@link PLAIN_NOUNS} (as stemmed by stemWord). */
export function isPlainNoun(stem: string): boolean {
  return PLAIN_NOUNS.has(stem);
}

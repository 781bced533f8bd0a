import { createEntityModel } from '../../../shared/lite/entity-tagger/create-entity-model';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { loadTaggerConfig } from './evaluate-entities';
import { createOrtNodeRunner, ENTITY_CONFIG_PATH, ENTITY_MODEL_PATH } from './ort-node-runner';
const model = createEntityModel(createOrtNodeRunner({ 'lite/entities': ENTITY_MODEL_PATH }), loadTaggerConfig(ENTITY_CONFIG_PATH));
const texts = [
  'Angela Morrow, a spokeswoman for the Harbor Point Council, said on Tuesday that Riverside Bank will open an office in Lisbon.',
  'Tomas Okafor flew from Nairobi to Berlin on Friday to meet executives of Keller Motors.\nThe company said the talks were friendly.',
  "Priya Raman's team at the University of Toronto won the award.",
  'Dr. J. K. Morrow thinks the Italian plan is too expensive for Oslo.',
  'the meeting ended early.',
];
for (const text of texts) {
  const sentences = segmentSentences(text);
  const ents = await model.tag(text, sentences);
  console.log(JSON.stringify(ents.map((e) => [e.text, e.type, e.score.toFixed(2), text.slice(e.start, e.end) === e.text])));
}

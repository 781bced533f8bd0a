import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/lite/analyze-text';
import { createBiasModel } from '../../../shared/lite/bias-classifier/create-bias-model';
import { flagBiasLite } from '../../../shared/lite/flag-bias-lite';
import type { BiasModel } from '../../../shared/lite/lite-models';
import { BiasSchema } from '../../../shared/protocol/results';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { loadBiasClassifier } from '../../../models/training/bias/ort-bias-runner';
import { BIAS_MODEL_DIR } from '../../../models/training/bias/bias-paths';
import { articleText } from './article-text';
import { STORY } from './page/page-texts';

const { config, runner } = loadBiasClassifier(BIAS_MODEL_DIR);
const bias = createBiasModel(runner, config);
const flagsOf = async (text: string, title?: string) =>
  flagBiasLite(text, segmentSentences(text), { model: bias, ...(title ? { title } : {}) });

describe('bias flags with the trained model and the rules beside it', () => {
  it('leaves neutral encyclopedic sentences alone', async () => {
    const text = [
      'The Averill River rises in the northern hills and flows south for 120 km before reaching the sea at Pell Harbor.',
      'The cathedral was completed in 1248 and rebuilt after a fire in 1506.',
      'Its population was 4,210 at the 2010 census, most of it employed in fishing and boat repair.',
      'The genus includes about forty species of flowering plants, most of them native to wet meadows.',
      'A toxic compound in the seeds protects the plant from grazing animals.',
      'The greedy algorithm picks the locally best choice at each step.',
    ].join(' ');
    expect(await flagsOf(text)).toEqual([]);
  });

  it('leaves the words of medicine and natural history alone', async () => {
    const text = [
      'Children with diarrhea lose salt and water quickly.',
      'A characteristic of the family is the long forked tail.',
      'The bark is smooth and the leaves are characteristic of the genus.',
      'Selective breeding gave the pigeon its short beak and curled feathers.',
    ].join(' ');
    expect(await flagsOf(text)).toEqual([]);
  });

  it('leaves literal senses of loaded words alone: poison, belonging, having, the sense of a word', async () => {
    const text = [
      'The leaves are toxic to cattle, and the developer is relatively toxic to the skin.',
      'The dialect is peculiar to the valley.',
      'The village school boasts a brass band and two choirs.',
      'Literally, the name means "place of reeds".',
      'She pleaded guilty to reckless driving after she slammed her car into a wall.',
      'Flames ripped through the cabin, and a loud bang woke us up.',
      'Fans stayed on after the final whistle, and the new inmates waited to be admitted.',
      'Equations can be set inline without unduly disturbing the spacing between lines.',
      'Fans might miss the glossy historical images of the old hotels.',
      'Her new fantasy novel is a dark fantasy about dragons.',
    ].join(' ');
    expect(await flagsOf(text)).toEqual([]);
    const loaded = 'Officials boasted that the toxic debate was over.';
    expect((await flagsOf(loaded)).flatMap((f) => f.cues.map((c) => c.text))).toEqual(expect.arrayContaining(['boasted', 'toxic']));
    for (const figurative of [
      'The issue has become toxic to Republicans.',
      'The company ripped off thousands of elderly customers.',
      'The president boasted the economy was the strongest ever.',
      'The footage from the raid was deeply disturbing.',
      'It is deeply disturbing that the minister lied to the committee.',
      'He is living in a fantasy world if he thinks the plan will pass.',
      'The report mixes fact and fantasy about the budget.',
      'The budget is a fantasy dressed up in glossy language.',
    ]) {
      expect(await flagsOf(figurative), figurative).toHaveLength(1);
    }
  });

  it('runs the rules beside the model: an unattributed claim is flagged even where the model sees nothing', async () => {
    const text = 'Some say the deal was rushed through behind closed doors. The plan will fail, said the mayor.';
    const flags = await flagsOf(text);
    expect(flags.map((f) => [f.category, f.text])).toEqual([
      ['unattributed-claim', 'Some say the deal was rushed through behind closed doors.'],
    ]);
    expect(flags[0]?.explanation).toMatch(/should say who says it/u);
  });

  it("one flag per sentence and category, with the model's and the rules' cues together", async () => {
    const text = 'Senator Hale slammed the radical proposal as a disastrous power grab by reckless bureaucrats.';
    const flags = await flagsOf(text);
    const loaded = flags.filter((f) => f.category === 'loaded-language');
    expect(loaded).toHaveLength(1);
    expect(loaded[0]?.cues.map((c) => c.text)).toEqual(expect.arrayContaining(['slammed']));
    expect(
      BiasSchema.safeParse({ flags, provenance: { engine: 'browser', tier: 'lite', model: config.modelId, backend: 'cpu' } }).success,
    ).toBe(true);
  });

  it('explains every cue of a merged flag, and its rewording changes them all', async () => {
    const text = 'Councillor Reyes slammed the disastrous plan as a reckless giveaway to developers.';
    const [flag] = (await flagsOf(text)).filter((f) => f.category === 'loaded-language');
    const cues = flag!.cues.map((c) => c.text);
    expect(cues).toEqual(['slammed', 'disastrous', 'reckless']);
    for (const cue of cues) expect(flag!.explanation).toContain(`'${cue}'`);
    expect(flag!.suggestion).toBe('Councillor Reyes criticized the harmful plan as a risky giveaway to developers.');
  });

  it('lets the lexicon add its words to a flag the model raised, never raise one of its own for loaded language', async () => {
    const text = 'Councillor Victor Reyes slammed the disastrous plan as a reckless giveaway to waterfront developers.';
    const [loaded] = (await flagsOf(text)).filter((f) => f.category === 'loaded-language');
    expect(loaded?.cues.map((c) => c.text)).toEqual(expect.arrayContaining(['slammed', 'disastrous', 'reckless']));
    const silent: BiasModel = { id: 'lite/bias@silent', backend: 'fake', flag: async () => [] };
    expect(await flagBiasLite(text, segmentSentences(text), { model: silent })).toEqual([]);
    expect((await flagBiasLite(text, segmentSentences(text))).map((f) => f.category)).toEqual(['loaded-language']);
  });

  it('does not flag the word a page is about (in its title, used again and again)', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => `Some writers use literally to mean figuratively, as in example ${i + 1}.`);
    const flags = await flagBiasLite(lines.join(' '), segmentSentences(lines.join(' ')), {
      model: bias,
      title: 'On behalf of "literally"',
    });
    expect(flags.filter((f) => f.cues.some((c) => c.text === 'literally'))).toEqual([]);
    expect((await flagsOf(lines.join(' '))).filter((f) => f.cues.some((c) => c.text === 'literally')).length).toBeGreaterThan(0);
  });
});

describe('clickbait: the page title judged against its body', () => {
  const body = 'The harbor council met on Tuesday. It voted on the seawall budget. The vote was six to three.';

  it('flags a teasing title where it stands in the text, naming the words that tease', async () => {
    const title = 'You Will Not Believe What This Mayor Did Next';
    const text = `${title}\n\n${body}`;
    const flags = await flagsOf(text, `${title} | The Lowmere Courier`);
    const clickbait = flags.find((f) => f.category === 'clickbait');
    expect(clickbait?.text).toBe(title);
    expect(clickbait?.cues.length).toBeGreaterThan(0);
    for (const cue of clickbait?.cues ?? []) expect(text.slice(cue.start, cue.end)).toBe(cue.text);
    expect(clickbait?.explanation).toMatch(/tease/u);
  });

  it('leaves a plain news headline alone, and a title that is not in the text', async () => {
    const title = 'Harbor Point approves seawall budget after heated vote';
    expect((await flagsOf(`${title}\n\n${body}`, title)).filter((f) => f.category === 'clickbait')).toEqual([]);
    expect((await flagsOf(body, 'You Will Not Believe What This Mayor Did Next')).filter((f) => f.category === 'clickbait')).toEqual([]);
  });
});

describe('genres where flags make no sense', () => {
  it('a recipe gets no flags and a notice that says why', async () => {
    const analysis = await analyzeText(articleText('recipe.html'), { tasks: ['bias'], engine: 'browser', models: { bias } });
    expect(analysis.bias?.flags).toEqual([]);
    expect(analysis.bias?.withheld?.message).toMatch(/recipe/u);
  });

  it('a film review gets no flags for its verdict, and a notice that says why', async () => {
    const text =
      'The director’s new thriller is visually stunning, each frame composed with care. Its lead gives a brilliant, ' +
      'ferocious performance, and the script is wickedly funny. The final act is a glorious mess.';
    const flagged = await analyzeText(text, { tasks: ['bias'], engine: 'browser', models: { bias } });
    expect(flagged.bias?.flags.length).toBeGreaterThan(0);
    const review = await analyzeText(text, {
      tasks: ['bias'],
      engine: 'browser',
      models: { bias },
      page: { title: 'Nightfall review – a thriller that dazzles', types: ['NewsArticle'] },
    });
    expect(review.page?.genre).toBe('review');
    expect(review.bias?.flags).toEqual([]);
    expect(review.bias?.withheld?.message).toMatch(/a review .*the writer's verdict/u);
  });

  it("a chapter of a story gets no flags for its characters' words, and a notice that says why", async () => {
    const unmarked = await analyzeText(STORY, { tasks: ['bias'], engine: 'browser', models: { bias } });
    expect(unmarked.bias?.flags.length).toBeGreaterThan(0);
    const story = await analyzeText(STORY, {
      tasks: ['bias'],
      engine: 'browser',
      models: { bias },
      page: { title: 'The Lantern Keeper - Chapter 3 - quietwriter', keywords: ['Original Work', 'lighthouse'] },
    });
    expect(story.page?.genre).toBe('fiction');
    expect(story.bias?.flags).toEqual([]);
    expect(story.bias?.withheld?.message).toMatch(/looks like fiction .*Chapter 3.*the author's craft, not reporting/u);
  });
});

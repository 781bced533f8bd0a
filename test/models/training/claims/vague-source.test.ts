import { describe, expect, it } from 'vitest';
import { parseBrat } from '../../../../models/training/claims/read-polnear';
import { isVagueSource } from '../../../../models/training/claims/vague-source';

/** Annotations written for Loupe's tests in PolNeAR's brat layout. */
const text =
  'Critics say the plan failed. The mayor said it worked. It is believed the vote was rigged. Some analysts warned of delays. Harbor Point critics objected.';
const at = (s: string) => `${text.indexOf(s)} ${text.indexOf(s) + s.length}`;
const ann = [
  `T1\tSource ${at('Critics')}\tCritics`,
  `T2\tCue ${at('say')}\tsay`,
  'E1\tAttribution:T2 Cue:T2 Source:T1',
  `T3\tSource ${at('The mayor')}\tThe mayor`,
  `T4\tCue ${at('said')}\tsaid`,
  'E2\tAttribution:T4 Cue:T4 Source:T3',
  `T5\tCue ${at('is believed')}\tis believed`,
  'E3\tAttribution:T5 Cue:T5',
  `T6\tSource ${at('Some analysts')}\tSome analysts`,
  `T7\tCue ${at('warned')}\twarned`,
  'E4\tAttribution:T7 Cue:T7 Source:T6',
  `T8\tSource ${at('Harbor Point critics')}\tHarbor Point critics`,
  `T9\tCue ${at('objected')}\tobjected`,
  'E5\tAttribution:T9 Cue:T9 Source:T8',
].join('\n');

describe('the vague-source gold for unattributed claims', () => {
  it('reads brat attribution relations and calls quantified, bare plural and agentless sources vague', () => {
    const relations = parseBrat(ann);
    expect(relations.map((r) => r.source?.text ?? r.cue?.text)).toEqual([
      'Critics',
      'The mayor',
      'is believed',
      'Some analysts',
      'Harbor Point critics',
    ]);
    expect(relations.map((r) => isVagueSource(r, text))).toEqual([true, false, true, true, false]);
  });
});

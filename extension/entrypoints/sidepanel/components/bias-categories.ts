import type { BiasCategory } from '../../../../shared/protocol/results';

/** Each category's name in the panel and the one line that says what it means. */
export const BIAS_CATEGORY_INFO: Record<BiasCategory, { label: string; legend: string }> = {
  'loaded-language': { label: 'Loaded language', legend: 'Words chosen to stir feeling rather than to inform.' },
  hedge: { label: 'Hedging', legend: 'A claim passed on without saying who makes it (“reportedly”, “some say”).' },
  'unattributed-claim': { label: 'Unattributed claims', legend: 'Something presented as widely held, with no one named (“experts agree”).' },
  'framing-verb': { label: 'Framing verbs', legend: 'Verbs that judge what someone said (“admitted”, “claimed”) instead of reporting it.' },
  intensifier: { label: 'Intensifiers', legend: 'Words that inflate (“totally”, “every single”) without adding a fact.' },
};

import type { PageHints } from '../../protocol/page-hints';
import type { PageProfile, Span } from '../../protocol/results';
import type { SentenceRole } from './classify-sentences';

/** "How to season a skillet — Ember & Oak Kitchen" → "How to season a skillet". */
function withoutSiteName(title: string): string {
  const stripped = title.replace(/\s+[—–|·]\s+[^—–|·]+$/u, '');
  return stripped.length >= 10 ? stripped : title;
}

/** Verbs that open an instruction ("Open the lid", "Click Save"): a page of them is a guide. */
const INSTRUCTION =
  /^(?:step \d+[:.]?\s*)?(?:\d{1,2}[.)]\s*)?(?:add|apply|attach|bake|boil|bring|check|choose|click|combine|connect|copy|cover|cut|download|drag|enter|fill|fold|go|heat|insert|install|keep|let|make|measure|mix|open|place|plug|pour|press|put|remove|repeat|run|save|select|set|sprinkle|stir|take|tap|turn|type|unplug|use|wait|wash|whisk|wipe)\b/iu;
/** A guide needs at least this many instruction steps. */
const MIN_STEPS = 3;

/**
 * What a how-to, recipe or fiction page is for, in one line ("A recipe: Grandma's plum jam, in 8
 * steps.", "A story: The Lantern Keeper - Chapter 3"), so the reader is told the page's purpose
 * rather than one of its steps or lines; `undefined` for other pages. The title comes from the page's hints, else its first heading.
 */
export function describePagePurpose(
  sentences: readonly Span[],
  roles: readonly SentenceRole[],
  profile: PageProfile,
  hints: PageHints = {},
): string | undefined {
  const steps = sentences.filter((s, i) => (roles[i] === 'list-item' || roles[i] === 'fragment') && INSTRUCTION.test(s.text)).length;
  const title = withoutSiteName((hints.title ?? sentences.find((_, i) => roles[i] === 'heading')?.text ?? '').trim()).replace(
    /[.:]+$/u,
    '',
  );
  const named = title ? `: ${title}` : '';
  const counted = steps >= MIN_STEPS ? `, in ${steps} steps` : '';
  if (profile.genre === 'recipe') return `A recipe${named}${counted}.`;
  if (profile.genre === 'fiction') return `A story${named}.`;
  if (steps >= MIN_STEPS || /^how to\b/iu.test(title)) return `A how-to guide${named}${counted}.`;
  return undefined;
}

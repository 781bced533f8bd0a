import { z } from 'zod';

/**
 * What a block of page text is, when it is not plain prose: headings, figure captions, list
 * items, block quotes, code, table cells and page chrome (navigation, buttons, forms, asides).
 * Prose is the default and is not listed.
 */
export const BlockRoleSchema = z.enum(['heading', 'caption', 'list-item', 'quote', 'code', 'table', 'chrome']);
export type BlockRole = z.infer<typeof BlockRoleSchema>;

/** A block of the captured text that is not prose; offsets index into that text. */
export const TextBlockSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  role: BlockRoleSchema,
});
export type TextBlock = z.infer<typeof TextBlockSchema>;

/**
 * The part of a DOM node {@link blockText} reads. Browser DOM nodes and linkedom's both fit it,
 * so the extension and the daemon capture text through the same walk.
 */
export interface BlockNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly firstChild: BlockNode | null;
  readonly nextSibling: BlockNode | null;
  /** Text nodes' content. */
  readonly data?: string;
  /** Elements' attributes (`class`, `itemprop`): a caption is often a classed `<span>` or `<div>`. */
  getAttribute?(name: string): string | null;
}

/** The page text with a blank line between blocks, and where its non-prose blocks lie. */
export interface BlockTextResult {
  readonly text: string;
  /** Non-prose blocks in document order. */
  readonly blocks: TextBlock[];
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * Elements whose text a reader never sees as the page's text: the capture's block walk and the
 * extension's walk over the live page's text nodes both skip them, so the two texts align.
 */
export const HIDDEN_TEXT_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CANVAS',
  'SVG',
]);

const ROLE_OF_TAG: Readonly<Record<string, BlockRole>> = {
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  FIGCAPTION: 'caption',
  FIGURE: 'caption',
  LI: 'list-item',
  DT: 'list-item',
  DD: 'list-item',
  BLOCKQUOTE: 'quote',
  PRE: 'code',
  TABLE: 'table',
  NAV: 'chrome',
  BUTTON: 'chrome',
  FORM: 'chrome',
  ASIDE: 'chrome',
  FOOTER: 'chrome',
  LABEL: 'chrome',
  MENU: 'chrome',
};

/**
 * A caption or photo credit that is not in a `<figcaption>`: a class word or `itemprop` says so
 * (`<span class="pb-caption">`, `<p class="wp-caption-text">`, `<span itemprop="caption">`).
 */
const CAPTION_CLASS = /(?:^|[-_])(?:caption|credits?)(?:$|[-_])/iu;

function roleOfAttributes(node: BlockNode): BlockRole | undefined {
  if (node.nodeType !== 1 || !node.getAttribute) return undefined;
  const classes = (node.getAttribute('class') ?? '').split(/\s+/u);
  const itemprop = node.getAttribute('itemprop') ?? '';
  return classes.some((name) => CAPTION_CLASS.test(name)) || /\bcaption\b/iu.test(itemprop) ? 'caption' : undefined;
}

/** When roles nest (a list inside a nav, a heading inside a quote), the first of these wins. */
const PRECEDENCE: readonly BlockRole[] = ['chrome', 'code', 'heading', 'caption', 'table', 'list-item', 'quote'];

/**
 * Plain text of `root` with a blank line between blocks and single spaces inside them — the
 * shape analysis expects (sentences never run across blocks); a `<pre>` keeps its blank lines
 * as breaks between paragraphs, each a block of its own — and the role of every block that
 * is not prose, taken from its nearest meaningful ancestor (`<h2>` → heading, `<figcaption>` or
 * a caption's class → caption, `<li>` → list item, `<nav>`/`<button>`/`<form>`/`<aside>` →
 * chrome...).
 */
export function blockText(root: BlockNode): BlockTextResult {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  let length = 0;
  let current = '';
  let currentRole: BlockRole | undefined;
  /** Inside a `<pre>`: its blank lines still part paragraphs (a plain-text document keeps its shape). */
  let preformatted = 0;
  const push = (raw: string) => {
    const text = raw.replace(/\s+/gu, ' ').trim();
    if (!text) return;
    const start = length === 0 ? 0 : length + 2;
    parts.push(text);
    length = start + text.length;
    if (currentRole) blocks.push({ start, end: length, role: currentRole });
  };
  const flush = () => {
    for (const paragraph of preformatted > 0 ? current.split(/\n[^\S\n]*\n/u) : [current]) push(paragraph);
    current = '';
  };
  const walk = (node: BlockNode, roles: readonly BlockRole[]) => {
    if (node.nodeType === 3) {
      const data = node.data ?? '';
      // The block's role is that of its first visible text, not of whitespace before it.
      if (current.trim() === '' && /\S/u.test(data)) currentRole = strongest(roles);
      current += data;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? node.nodeName.toUpperCase() : '';
    if (HIDDEN_TEXT_TAGS.has(tag)) return;
    const role = ROLE_OF_TAG[tag] ?? roleOfAttributes(node);
    const inner = role ? [...roles, role] : roles;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    if (tag === 'PRE') preformatted += 1;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inner);
    if (isBlock) flush();
    if (tag === 'PRE') preformatted -= 1;
  };
  walk(root, []);
  flush();
  return { text: parts.join('\n\n'), blocks };
}

function strongest(roles: readonly BlockRole[]): BlockRole | undefined {
  if (roles.length === 0) return undefined;
  return PRECEDENCE.find((role) => roles.includes(role));
}

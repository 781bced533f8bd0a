import { describe, expect, it } from 'vitest';
import { classifySentences, type SentenceRole } from '../../../../shared/lite/page/classify-sentences';
import type { TextBlock } from '../../../../shared/text/block-text';
import { segmentSentences } from '../../../../shared/text/segment-sentences';

/** The role of the sentences of `paragraph` standing alone (all of them, when they agree). */
function roleOf(paragraph: string): SentenceRole | SentenceRole[] {
  const roles = classifySentences(paragraph, segmentSentences(paragraph));
  return new Set(roles).size === 1 ? roles[0]! : roles;
}

describe('classifySentences from the text alone', () => {
  it.each([
    ['(Photo: Getty Images)', 'credit'],
    ['Photograph: Jane Doe/Reuters', 'credit'],
    ['(AP Photo/John Smith)', 'credit'],
    ['© 2024 Bayview Ledger. All rights reserved.', 'credit'],
    ['By Maria Okafor and Tom Lee', 'byline'],
    ['Updated 10:32 AM ET, Tue March 5, 2024', 'byline'],
    ['Click here to subscribe to our free newsletter.', 'prompt'],
    ['Sign up for our newsletter to get the latest updates in your inbox.', 'prompt'],
    ['Advertisement', 'prompt'],
    ['Home › News › Politics', 'navigation'],
    ['Funding bill passes, 52-48 pic.twitter.com/abc123 — Jane Roe (@janeroe) March 5, 2024', 'embed'],
    ['@harbor_fan @lowmere Wow, you are veering into crazy conspiracy territory.', 'embed'],
    ['const total = items.reduce((sum, item) => sum + item.price, 0);', 'code'],
    ['Harbor Point vote splits the council', 'fragment'],
    ['YES', 'fragment'],
    ['Will the plan survive the winter?', 'question'],
    ['• Stir until the sugar dissolves.', 'list-item'],
    ['Step 2: Stir until the sugar dissolves.', 'list-item'],
  ])('%s → %s', (sentence, role) => {
    expect(roleOf(sentence)).toBe(role);
  });

  it("reads a wire photo's caption as a caption, every sentence of it, and its credit too", () => {
    const text =
      'In this photo dated Tuesday, Nov. 29, 2016, the rocket is installed on a launch pad. The cargo ship broke up over Siberia, the agency said.(Oleg Urusov/ Press Service photo via AP)\n\n' +
      'MOSCOW (AP) — A cargo ship broke up over Siberia on Thursday, the space agency said.\n\n' +
      'Crews reached the site by noon. Two of them were hurt in the fall. (AP Photo/Ivan Sekretarev)\n\n' +
      'This undated image provided by the agency shows the launch pad.';
    expect(classifySentences(text, segmentSentences(text))).toEqual([
      'caption',
      'caption',
      'caption',
      'prose',
      'caption',
      'caption',
      'credit',
      'caption',
    ]);
  });

  it("reads a writer's own words about a picture as prose, however they open", () => {
    expect(roleOf('In this photo, I used a 50mm lens. The result is sharp. It took an hour to set up.')).toBe('prose');
    expect(roleOf('In this picture of the economy, growth slows. Prices rise.')).toBe('prose');
    expect(roleOf('[Alden: Et tu, Lexi?]')).toBe('question');
  });

  it.each([
    'The company told Reuters on Monday that it would appeal.',
    'This image of the mayor spread widely online within hours.',
    'The museum shows 300 photographs (many taken by local children).',
    'She kept a box of pictures (by the dozen) under the bed.',
    'The show has works from 40 artists (photos by Diane Arbus among them).',
    'Upload a file (JPEG or PNG images, up to 10 MB: see the FAQ).',
    'This image provided the first evidence that the planet once had water.',
    'This picture taken from orbit changed how we see the Earth.',
    'It is called quark-gluon plasma.[81]',
    'By Monday, the city had evacuated every school in the district.',
    'Subscribers to the newsletter rose 20 percent last year.',
    'Critics slammed the reckless plan as a shameful giveaway.',
    'In each case, President Trump tied himself to the outcome.',
  ])('keeps running prose as prose: %s', (sentence) => {
    expect(roleOf(sentence)).toBe('prose');
  });
});

describe('classifySentences on a reference list', () => {
  it("reads a reference list's entries as references, and other list items as list items", () => {
    const entries = [
      '^ Merger mania: the assault on local government. Wellington: Victoria University Press. p. 12.',
      'Cooper, R.; Millener, P. (1993). "The New Zealand biota". Trends in Ecology 8 (12): 429–433. doi:10.1016/0169.',
      'Stir until the sugar dissolves completely.',
      'Bring the jars to a boil for ten minutes.',
    ];
    const text = entries.join('\n\n');
    let at = 0;
    const blocks: TextBlock[] = entries.map((entry) => {
      const block = { start: at, end: at + entry.length, role: 'list-item' as const };
      at += entry.length + 2;
      return block;
    });
    const sentences = segmentSentences(text);
    const roles = classifySentences(text, sentences, blocks);
    const roleOfEntry = (k: number) =>
      new Set(sentences.flatMap((s, i) => (s.start >= blocks[k]!.start && s.end <= blocks[k]!.end ? [roles[i]] : [])));
    expect(roleOfEntry(0)).toEqual(new Set(['reference']));
    expect(roleOfEntry(1)).toEqual(new Set(['reference']));
    expect(roleOfEntry(2)).toEqual(new Set(['list-item']));
    expect(roleOfEntry(3)).toEqual(new Set(['list-item']));
  });
});

describe('classifySentences on preformatted text', () => {
  /** Paragraphs of one <pre>, each a code block, as the capture gives them. */
  function preformatted(paragraphs: readonly string[]) {
    const text = paragraphs.join('\n\n');
    let at = 0;
    const blocks: TextBlock[] = paragraphs.map((p) => {
      const block = { start: at, end: at + p.length, role: 'code' as const };
      at += p.length + 2;
      return block;
    });
    return classifySentences(text, segmentSentences(text), blocks);
  }

  it('reads a plain-text document shown in <pre> (an Internet-Draft) as prose, its headers and lead-ins as fragments', () => {
    const roles = preformatted([
      'Internet-Draft remoteStorage December 2014',
      '1. Introduction',
      'Many services for data storage are available over the internet. This specification describes a vendor-independent interface for such services.',
      'The metaphor for addressing data on the storage is that of folders containing documents and subfolders. The actions the interface exposes are:',
      '* GET a folder: retrieve the names and current versions of the documents it contains',
      'The server stores data in nodes that form a tree structure. Internal nodes are called folders and leaf nodes are called documents.',
    ]);
    // "Internet-Draft …", "1.", "Introduction", three sentences, a lead-in, a bullet, two sentences.
    expect(roles).not.toContain('code');
    expect(roles[0]).toBe('fragment');
    expect([3, 4, 5, 8, 9].map((i) => roles[i])).toEqual(['prose', 'prose', 'prose', 'prose', 'prose']);
  });

  it('keeps code as code, its comments and docstrings included', () => {
    const javascript = preformatted([
      '// Sum the prices of the items in the cart before tax is added.',
      'const total = items.reduce((sum, item) => sum + item.price, 0);',
      '// Round the total to whole cents, as the payment provider expects it.',
      '// Refunds go through the same path, with a negative total.',
      '// The rate comes from the settings page, and changes once a year.',
      'function tax(total) { return total * RATE; }',
      '// Every caller passes a total in cents, never in whole units.',
    ]);
    expect(new Set(javascript)).toEqual(new Set(['code']));
    const python = preformatted([
      'def area(radius):',
      '"""Return the area of a circle of the given radius, in square metres.',
      'The radius must be a positive number, or the function raises an error.',
      'A radius of zero gives an area of zero, which callers may want to check.',
      'Large radii are fine, though the result loses precision past a point.',
      'Negative radii are refused, since no circle has one in this model."""',
      'return math.pi * radius ** 2',
    ]);
    expect(new Set(python)).toEqual(new Set(['code']));
  });
});

describe("classifySentences with the capture's block roles", () => {
  const text = 'Harbor vote.\n\nThe council approved the plan.\n\nThe harbor at dawn.\n\nStir until it thickens.\n\nFresh pears';
  const sentences = segmentSentences(text);
  const block = (from: string, role: TextBlock['role']): TextBlock => {
    const start = text.indexOf(from);
    return { start, end: start + from.length, role };
  };

  it('takes headings, captions and list items from the page structure, even when they read as sentences', () => {
    const blocks = [
      block('Harbor vote.', 'heading'),
      block('The harbor at dawn.', 'caption'),
      block('Stir until it thickens.', 'list-item'),
      block('Fresh pears', 'list-item'),
    ];
    expect(classifySentences(text, sentences, blocks)).toEqual(['heading', 'prose', 'caption', 'list-item', 'fragment']);
  });

  it('reads page chrome as navigation', () => {
    expect(classifySentences(text, sentences, [block('The council approved the plan.', 'chrome')])[1]).toBe('navigation');
  });
});

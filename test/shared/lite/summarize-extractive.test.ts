import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMMARY_PARAMS, keyPointCount, SummaryParamsSchema, summarizeExtractive } from '../../../shared/lite/summarize-extractive';
import { profilePage } from '../../../shared/lite/page/profile-page';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { articleText } from './article-text';
import { assertSpansSliceText } from './assert-spans-slice-text';

/** Key points as analyzeText picks them: from the page's running prose. */
function summarize(text: string, count?: number) {
  const sentences = segmentSentences(text);
  const { roles } = profilePage(text, sentences);
  const prose = sentences.filter((_, i) => roles[i] === 'prose');
  return { sentences, summary: summarizeExtractive(text, prose, count === undefined ? {} : { count }) };
}

describe('summarizeExtractive', () => {
  it('returns three key points of a short article in document order, spans slicing the text', () => {
    const text = articleText('news-article.html');
    const { sentences, summary } = summarize(text);
    expect(summary).toHaveLength(3);
    const positions = summary.map((s) => sentences.findIndex((t) => t.start === s.start));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    assertSpansSliceText(text, summary);
    expect(Math.max(...summary.map((s) => s.score))).toBe(1);
    expect(summary.every((s) => s.score >= 0 && s.score <= 1)).toBe(true);
  });

  it('leads with the story, not the headline', () => {
    const text = articleText('news-article.html');
    const { summary } = summarize(text);
    expect(summary[0]?.text).toMatch(/^The Harbor Point Council voted 6-3/u);
  });

  it('on a guide, skips the chit-chat opening for the sentences about the topic', () => {
    const text = articleText('how-to.html');
    const { sentences, summary } = summarize(text);
    const firstThree = sentences.slice(0, 3).map((s) => s.start);
    expect(summary.some((s) => firstThree.includes(s.start))).toBe(false);
    expect(summary.filter((s) => /season/iu.test(s.text)).length).toBeGreaterThanOrEqual(2);
  });

  it('drops a sentence that repeats one already chosen', () => {
    const repeated = 'The harbor council approved the seawall budget after a long public debate.';
    const text = [
      repeated,
      'Fishermen asked the harbor council to keep the slipway open during seawall construction.',
      repeated,
      'The seawall budget includes a grant and a bond approved by the harbor council.',
      'Rain is expected on Friday.',
    ].join(' ');
    const { summary } = summarize(text);
    expect(summary.filter((s) => s.text === repeated)).toHaveLength(1);
    expect(summary).toHaveLength(3);
  });

  it('returns fewer sentences when the text has fewer, and honours count', () => {
    expect(summarize('Only one sentence here.').summary).toHaveLength(1);
    expect(summarize(articleText('news-article.html'), 5).summary).toHaveLength(5);
    expect(summarizeExtractive('', [])).toEqual([]);
  });

  it('exposes its parameters for tuning and rejects invalid ones', () => {
    expect(SummaryParamsSchema.parse(DEFAULT_SUMMARY_PARAMS)).toEqual(DEFAULT_SUMMARY_PARAMS);
    const text = articleText('how-to.html');
    expect(() => summarizeExtractive(text, segmentSentences(text), { params: { mmrLambda: 2 } })).toThrow();
  });

  it('makes position matter more when positionWeight is raised', () => {
    const text = articleText('how-to.html');
    const sentences = segmentSentences(text);
    const leadHeavy = summarizeExtractive(text, sentences, { count: 3, params: { positionWeight: 4, positionDecay: 10, minWords: 1 } });
    const defaults = summarizeExtractive(text, sentences, { count: 3, params: { positionWeight: 0 } });
    const meanIndex = (picked: { start: number }[]) =>
      picked.reduce((sum, s) => sum + sentences.findIndex((t) => t.start === s.start), 0) / picked.length;
    expect(meanIndex(leadHeavy)).toBeLessThan(meanIndex(defaults));
  });

  it('gives more key points to longer pages, up to 7, one from each part of a long page', () => {
    const paragraph = (topic: string, i: number) =>
      `The ${topic} committee met on day ${i} to review the ${topic} budget and the ${topic} timetable for the coming season. ` +
      `Members of the ${topic} committee agreed that the ${topic} plan needed more money and a clearer ${topic} schedule. ` +
      `A spokesperson said the ${topic} review would finish before the next public meeting of the council.`;
    const topics = ['harbor', 'library', 'railway', 'school', 'hospital', 'bridge', 'market', 'museum'];
    const pageOf = (paragraphs: number) =>
      Array.from({ length: paragraphs }, (_, i) => paragraph(topics[i % topics.length]!, i)).join('\n');
    const short = summarize(pageOf(2));
    expect(short.summary).toHaveLength(3);
    expect(keyPointCount(segmentSentences(pageOf(40)))).toBeGreaterThan(keyPointCount(segmentSentences(pageOf(10))));
    const long = summarize(pageOf(400));
    expect(long.summary).toHaveLength(7);
    const positions = long.summary.map((s) => s.start / pageOf(400).length);
    for (let part = 0; part < 7; part++) expect(positions.some((p) => p >= part / 7 && p < (part + 1) / 7)).toBe(true);
  });

  it('handles a 5 MB text in time and memory that grow with its length, not its square', { timeout: 120_000 }, () => {
    const sentence = (i: number) => `Sentence ${i} tells of the harbor seawall and budget number ${i % 97} in plain words.`;
    const text = Array.from({ length: 66_000 }, (_, i) => sentence(i)).join(' ');
    expect(text.length).toBeGreaterThan(5_000_000);
    const summary = summarizeExtractive(text, segmentSentences(text));
    expect(summary).toHaveLength(7);
    assertSpansSliceText(text, summary);
  });
});

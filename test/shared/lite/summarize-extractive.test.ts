import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMMARY_PARAMS, SummaryParamsSchema, summarizeExtractive } from '../../../shared/lite/summarize-extractive';
import { segmentSentences } from '../../../shared/text/segment-sentences';
import { articleText } from './article-text';
import { assertSpansSliceText } from './assert-spans-slice-text';

function summarize(text: string, count?: number) {
  const sentences = segmentSentences(text);
  return { sentences, summary: summarizeExtractive(text, sentences, count === undefined ? {} : { count }) };
}

describe('summarizeExtractive', () => {
  it('returns three sentences of the page in document order, spans slicing the text', () => {
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
    expect(summarize(articleText('long-article.html'), 5).summary).toHaveLength(5);
    expect(summarizeExtractive('', [])).toEqual([]);
  });

  it('exposes its parameters for tuning and rejects invalid ones', () => {
    expect(SummaryParamsSchema.parse(DEFAULT_SUMMARY_PARAMS)).toEqual(DEFAULT_SUMMARY_PARAMS);
    const text = articleText('how-to.html');
    expect(() => summarizeExtractive(text, segmentSentences(text), { params: { damping: 2 } })).toThrow();
  });

  it('makes position matter more when positionWeight is raised', () => {
    const text = articleText('how-to.html');
    const sentences = segmentSentences(text);
    const leadHeavy = summarizeExtractive(text, sentences, { params: { positionWeight: 2, minWords: 1 } });
    const defaults = summarizeExtractive(text, sentences);
    const meanIndex = (picked: { start: number }[]) =>
      picked.reduce((sum, s) => sum + sentences.findIndex((t) => t.start === s.start), 0) / picked.length;
    expect(meanIndex(leadHeavy)).toBeLessThan(meanIndex(defaults));
  });
});

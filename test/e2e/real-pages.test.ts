import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../shared/protocol/results';
import { measureNameConsistency } from '../../models/training/entities/name-consistency';
import type { TabState } from '../../extension/lib/tab-state';
import type { ExtensionBrowser } from './helpers/launch-browser';
import { readHighlights, spanTexts } from './helpers/highlight-texts';
import { openTab } from './helpers/tabs';
import {
  blockRemoteRequests,
  checkHighlights,
  chooseRealPages,
  launchForSweep,
  LITE_PAGES_DIR,
  loadPages,
  startPageServer,
  type HighlightCheck,
  type PageExpectations,
  type RealPage,
} from './helpers/real-pages';

/** A page that takes longer than this is reported as timed out (the sweep goes on). */
const PAGE_TIMEOUT_MS = 120_000;

interface PageOutcome {
  name: string;
  status: 'annotated' | 'no-article' | 'failed';
  ms?: number;
  detail?: string;
  check?: HighlightCheck;
  /** Kept only for pages with expectations. */
  analysedText?: string;
  highlighted?: string[];
  notes?: string[];
  /** Sentences with a bias flag, out of the page's sentences (withheld pages flag none). */
  flagged?: { sentences: number; of: number; withheld: boolean };
  /** The page's entities, for the one-name-one-type figure. */
  entities?: Entity[];
}

interface Sweep {
  outcomes: PageOutcome[];
  /** Exceptions and console errors that came from Loupe (content script or background). */
  loupeErrors: string[];
  /** The pages' own script errors (their sites' code, cut off from its remote files): counted, not Loupe's. */
  pageOwnErrors: number;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function annotateOne(chromium: ExtensionBrowser, page: Page, tabId: number, url: string, target: RealPage): Promise<PageOutcome> {
  await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  // As a user would: press the button once the browser shows the page as loaded in that tab.
  await chromium.worker.evaluate(
    async (id, url) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ url?: string; status?: string }> } } };
      for (let tries = 0; tries < 100; tries += 1) {
        const tab = await chrome.tabs.get(id);
        if (tab.url === url && tab.status === 'complete') return;
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    tabId,
    url,
  );
  const state: TabState = await withTimeout(
    chromium.worker.evaluate((id) => globalThis.loupe!.annotateTab(id), tabId),
    PAGE_TIMEOUT_MS,
    `annotating ${target.name}`,
  );
  if (state.status === 'error') {
    return state.error?.code === 'no-article'
      ? { name: target.name, status: 'no-article' }
      : { name: target.name, status: 'failed', detail: `${state.error?.code}: ${state.error?.message}` };
  }
  const highlighted = await readHighlights(page);
  const check = checkHighlights(spanTexts(state.analysis), highlighted);
  const kept = target.expectations
    ? {
        analysedText: (await chromium.worker.evaluate((id) => globalThis.loupe!.capturedText(id), tabId)) ?? '',
        highlighted: Object.values(highlighted).flat(),
        notes: state.notes ?? [],
      }
    : {};
  const bias = state.analysis?.bias;
  const flagged = {
    sentences: new Set(bias?.flags.map((f) => f.start)).size,
    of: state.analysis?.page?.sentences ?? 0,
    withheld: bias?.withheld !== undefined,
  };
  const entities = state.analysis?.entities?.items ?? [];
  return {
    name: target.name,
    status: state.status === 'done' ? 'annotated' : 'failed',
    detail: state.status,
    check,
    flagged,
    entities,
    ...kept,
  };
}

/** Annotates every page in one tab of one browser, in sequence, offline. */
async function sweep(pages: readonly RealPage[]): Promise<Sweep> {
  const server = await startPageServer(pages);
  const chromium = await launchForSweep();
  const loupeErrors: string[] = [];
  let pageOwnErrors = 0;
  let current = '';
  try {
    chromium.worker.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warn') loupeErrors.push(`[${current}] background ${msg.type()}: ${msg.text()}`);
    });
    chromium.worker.on('error', (error) => {
      loupeErrors.push(`[${current}] background exception: ${String(error)}`);
    });
    const loupeOrigin = `chrome-extension://${chromium.extensionId}/`;
    const { page, tabId } = await openTab(chromium, server.home);
    await blockRemoteRequests(page);
    page.on('pageerror', (error) => {
      const where = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      if (where.includes(loupeOrigin)) loupeErrors.push(`[${current}] page exception: ${where}`);
      else pageOwnErrors += 1;
    });
    page.on('console', (msg) => {
      // Some saved pages link other extensions' files (chrome-extension://<another id>/...).
      const fromLoupe = msg.location().url?.startsWith(loupeOrigin) || /\bLoupe\b/.test(msg.text());
      if (fromLoupe && (msg.type() === 'error' || msg.type() === 'warn'))
        loupeErrors.push(`[${current}] content ${msg.type()}: ${msg.text()}`);
    });
    const outcomes: PageOutcome[] = [];
    for (const target of pages) {
      current = target.name;
      const started = performance.now();
      const outcome = await annotateOne(chromium, page, tabId, server.url(target.name), target).catch(
        (error: unknown): PageOutcome => ({
          name: target.name,
          status: 'failed',
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      outcomes.push({ ...outcome, ms: Math.round(performance.now() - started) });
    }
    return { outcomes, loupeErrors, pageOwnErrors };
  } finally {
    await chromium.close();
    await server.close();
  }
}

/** "name 3/120 (2.5 %)" for each annotated page, "withheld" where its genre or language turns flags off. */
function flagRates(run: Sweep): string {
  return run.outcomes
    .filter((o) => o.status === 'annotated' && o.flagged)
    .map(({ name, flagged }) => {
      const { sentences, of, withheld } = flagged!;
      return withheld ? `${name} withheld` : `${name} ${sentences}/${of} (${of === 0 ? 0 : ((100 * sentences) / of).toFixed(1)} %)`;
    })
    .join(', ');
}

function figure(setName: string, run: Sweep): string {
  const annotated = run.outcomes.filter((o) => o.status === 'annotated');
  const total = annotated.reduce((n, o) => n + (o.check?.total ?? 0), 0);
  const matching = annotated.reduce((n, o) => n + (o.check?.matching ?? 0), 0);
  const noArticle = run.outcomes.filter((o) => o.status === 'no-article').length;
  const names = measureNameConsistency(annotated.map((o) => o.entities ?? []));
  return (
    `[real pages: ${setName}] annotated ${annotated.length} of ${run.outcomes.length} pages; ` +
    `highlights matching their span text: ${matching} of ${total}; pages with no article: ${noArticle}; ` +
    `repeated names split across types: ${names.split} of ${names.repeated}`
  );
}

const sweeps = new Map<string, Promise<Sweep>>();
/** One sweep per page set per run, shared by the describes below. */
function sweepOnce(setName: string, pages: readonly RealPage[]): Promise<Sweep> {
  if (!sweeps.has(setName)) {
    sweeps.set(
      setName,
      sweep(pages).then((run) => {
        console.log(figure(setName, run));
        console.log(`[real pages: ${setName}] sentences flagged per page: ${flagRates(run)}`);
        const failed = run.outcomes.filter((o) => o.status === 'failed');
        const slowest = [...run.outcomes]
          .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))
          .slice(0, 3)
          .map((o) => `${o.name} ${o.ms} ms`);
        console.log(
          `[real pages: ${setName}] slowest (load + annotate): ${slowest.join(', ')}; the pages' own script errors: ${run.pageOwnErrors}`,
        );
        if (failed.length > 0) console.log(`[real pages: ${setName}] failed: ${failed.map((o) => `${o.name} (${o.detail})`).join('; ')}`);
        return run;
      }),
    );
  }
  return sweeps.get(setName)!;
}

const dataset = chooseRealPages();

describe(`annotating ${dataset.pages.length} saved pages from ${dataset.name}, offline`, () => {
  let run: Sweep;
  beforeAll(async () => {
    run = await sweepOnce(dataset.name, dataset.pages);
  }, 20 * 60_000);

  it('raises no exception or console error from Loupe, in the page or in the background', () => {
    expect(run.loupeErrors).toEqual([]);
  });

  it(`brings back results for at least ${dataset.minAnnotated} pages, and no page fails`, () => {
    const failed = run.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.name}: ${o.detail}`);
    expect(failed).toEqual([]);
    expect(run.outcomes.filter((o) => o.status === 'annotated').length).toBeGreaterThanOrEqual(dataset.minAnnotated);
  });

  it('reports the share of sentences flagged on every annotated page', () => {
    const annotated = run.outcomes.filter((o) => o.status === 'annotated');
    for (const o of annotated) expect(o.flagged!.sentences, o.name).toBeLessThanOrEqual(o.flagged!.of);
    expect(flagRates(run).split(', ')).toHaveLength(annotated.length);
  });

  it('gives a name one type across a page (at most 2 % of repeated names split) and never tags page furniture', () => {
    const names = measureNameConsistency(run.outcomes.map((o) => o.entities ?? []));
    expect(names.split, names.examples.join('; ')).toBeLessThanOrEqual(0.02 * names.repeated);
    expect(names.interfaceNames).toBe(0);
  });

  it('marks exactly the words each summary sentence, entity and bias flag stands for', () => {
    const strays = run.outcomes.flatMap((o) =>
      (o.check?.strays ?? [])
        .slice(0, 5)
        .map(
          (s) =>
            `${o.name} ${s.kind}: highlighted ${JSON.stringify(s.highlighted.slice(0, 160))} for span ${JSON.stringify(s.span?.slice(0, 160))}`,
        ),
    );
    expect(strays).toEqual([]);
    expect(run.outcomes.some((o) => (o.check?.total ?? 0) > 0)).toBe(true);
  });
});

const litePages = loadPages(LITE_PAGES_DIR);

describe('messy markup the project wrote itself (real-pages-lite)', () => {
  let outcomes: Map<string, PageOutcome>;
  beforeAll(async () => {
    const run = await sweepOnce('real-pages-lite', litePages);
    outcomes = new Map(run.outcomes.map((o) => [o.name, o]));
  }, 5 * 60_000);

  for (const target of litePages) {
    const expected = target.expectations as PageExpectations;
    it(`${target.name}: analyses the article, not what is around it or hidden — ${expected.about}`, () => {
      const outcome = outcomes.get(target.name)!;
      expect(outcome.status, outcome.detail).toBe('annotated');
      const analysed = outcome.analysedText!.replace(/\s+/gu, ' ');
      for (const words of expected.analysed) expect(analysed, `"${words}" analysed`).toContain(words);
      for (const words of expected.notAnalysed) expect(analysed, `"${words}" left out`).not.toContain(words);
      for (const words of expected.highlighted) {
        expect(
          outcome.highlighted!.some((text) => text.replace(/\s+/gu, ' ').includes(words)),
          `"${words}" highlighted`,
        ).toBe(true);
      }
      if (expected.note) expect(outcome.notes!.join(' ')).toContain(expected.note);
    });
  }
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { annotateTab, type AnnotateDeps } from '../../../extension/entrypoints/background/annotate-tab';
import { liteEngineHost } from '../lite-engine-host';
import { createDaemonClient } from '../../../extension/entrypoints/background/daemon-client';
import { createRouter } from '../../../extension/entrypoints/background/router';
import { createTabResults } from '../../../extension/entrypoints/background/tab-results';
import { watchTabs } from '../../../extension/entrypoints/background/watch-tabs';
import { tabStateKey, TabStateSchema } from '../../../extension/lib/tab-state';
import type { ShowAnnotationsRequest } from '../../../extension/lib/messaging/content-protocol';

const ARTICLE = 'Mayor Lena Ortiz announced the Harbor Point plan on Tuesday.\n\nCritics say the shocking plan will obviously fail.';

function setup(reply: unknown) {
  const daemon = createDaemonClient({ loadPairing: async () => null });
  const router = createRouter({
    daemon,
    browserEngine: liteEngineHost(),
    loadRouting: async () => ({ summary: 'auto', entities: 'auto', bias: 'auto', captions: 'auto' }),
  });
  const shown: ShowAnnotationsRequest[] = [];
  const deps: AnnotateDeps = {
    router,
    results: createTabResults(fakeBrowser.storage.session),
    capture: async () => reply,
    show: async (_tabId, request) => {
      shown.push(request);
      return { highlighted: 3, unmapped: 0 };
    },
  };
  return { deps, shown };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('annotateTab', () => {
  it('analyses the captured article, highlights it and publishes the state for the side panel', async () => {
    const { deps, shown } = setup({ ok: true, captureId: 'c1', text: ARTICLE, title: 'Harbor Point', url: 'https://news.test/a' });
    const state = await annotateTab(deps, 7);
    expect(state).toMatchObject({ status: 'done', title: 'Harbor Point', scope: 'article' });
    expect(state.analysis?.bias?.flags.some((f) => f.text.includes('shocking'))).toBe(true);
    // The page keeps its text: it gets spans into it, for the capture it named.
    expect(shown[0]?.captureId).toBe('c1');
    const spans = [...(shown[0]?.spans.summary ?? []), ...(shown[0]?.spans.entities ?? []), ...(shown[0]?.spans.bias ?? [])];
    expect(spans.length).toBeGreaterThan(2);
    for (const span of spans) expect(ARTICLE.slice(span.start, span.end)).toBe(span.text);
    expect(JSON.stringify(shown)).not.toContain(ARTICLE);
    const mirrored = (await fakeBrowser.storage.session.get(tabStateKey(7)))[tabStateKey(7)];
    expect(TabStateSchema.parse(mirrored)).toEqual(state);
  });

  it('shows the content script’s reason when the page has no readable article', async () => {
    const { deps, shown } = setup({ ok: false, reason: 'No readable article on this page — select text and use "Summarize selection".' });
    const state = await annotateTab(deps, 7);
    expect(state.status).toBe('error');
    expect(state.error).toEqual({ code: 'no-article', message: expect.stringContaining('Summarize selection') });
    expect(shown).toHaveLength(0);
  });

  it('rejects a malformed reply from the page instead of analysing it', async () => {
    const { deps } = setup({ ok: true, text: 42 });
    const state = await annotateTab(deps, 7);
    expect(state.error?.message).toMatch(/Invalid reply to capturePage/);
  });

  it('runs only the requested tasks for a selection', async () => {
    const { deps } = setup({ ok: true, captureId: 'c1', text: ARTICLE, title: 'Harbor Point', url: 'https://news.test/a' });
    const state = await annotateTab(deps, 7, { scope: 'selection', tasks: ['bias'] });
    expect(state.scope).toBe('selection');
    expect(state.analysis?.bias).toBeDefined();
    expect(state.analysis?.summary).toBeUndefined();
  });
});

describe('annotateTab on a long page', () => {
  const LONG = Array.from(
    { length: 6 },
    (_, i) => `Paragraph ${i + 1}: Mayor Lena Ortiz visited Harbor Point on Tuesday. Critics say the shocking plan will obviously fail.`,
  ).join('\n\n');

  it('streams chunk results with progress, keeps every offset global, and summarises the whole text', async () => {
    const { deps, shown } = setup({ ok: true, captureId: 'c1', text: LONG, title: 'Long', url: 'https://news.test/long' });
    deps.chunking = { maxChars: 10_000, maxParagraphs: 2 };
    const progress: Array<{ completed: number; total: number }> = [];
    const set = deps.results.set;
    deps.results.set = (tabId, next) => {
      if (next.progress) progress.push(next.progress);
      return set(tabId, next);
    };
    const state = await annotateTab(deps, 7);
    expect(progress).toEqual([
      { completed: 1, total: 4 },
      { completed: 2, total: 4 },
      { completed: 3, total: 4 },
    ]);
    // Each chunk's new spans went to the page as it landed (then the key points): together,
    // exactly the page's flags, each sent once.
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.every((request) => request.captureId === 'c1')).toBe(true);
    const flags = state.analysis!.bias!.flags;
    expect(shown.flatMap((request) => request.spans.bias ?? [])).toEqual(flags);
    expect(shown.at(-1)?.spans).toEqual({ summary: state.analysis!.summary!.sentences });
    expect(new Set(flags.filter((f) => f.text.includes('shocking')).map((f) => f.start)).size).toBe(6);
    for (const f of flags) expect(LONG.slice(f.start, f.end)).toBe(f.text);
    for (const e of state.analysis!.entities!.items) expect(LONG.slice(e.start, e.end)).toBe(e.text);
    expect(state.analysis!.summary!.sentences.length).toBeGreaterThan(0);
    expect(state.status).toBe('done');
  });

  it("decides the genre once over the whole page and sends it, with each chunk's own block roles, with every part", async () => {
    const steps = Array.from(
      { length: 8 },
      (_, i) => `Add 2 cups of sugar and 1 tbsp of lemon juice to batch ${i + 1}, then stir the shocking mixture.`,
    );
    const text = ['Pear jam', ...steps].join('\n\n');
    const { deps } = setup({
      ok: true,
      captureId: 'c1',
      text,
      title: 'Pear jam',
      url: 'https://food.test/jam',
      page: { blocks: [{ start: 0, end: 8, role: 'heading' }] },
    });
    deps.chunking = { maxChars: 10_000, maxParagraphs: 3 };
    const sent: Array<{ text: string; page: unknown }> = [];
    const analyzePage = deps.router.analyzePage;
    deps.router = {
      analyzePage: (tabId, part, tasks, page) => {
        sent.push({ text: part, page });
        return analyzePage(tabId, part, tasks, page);
      },
    };
    const state = await annotateTab(deps, 7);
    expect(sent.length).toBeGreaterThan(2);
    for (const { page } of sent) expect(page).toMatchObject({ genre: 'recipe' });
    expect(sent[0]?.page).toMatchObject({ blocks: [{ start: 0, end: 8, role: 'heading' }] });
    expect(sent[1]?.page).toMatchObject({ blocks: [] });
    expect(state.analysis?.page?.genre).toBe('recipe');
    expect(state.analysis?.bias).toMatchObject({ flags: [], withheld: { reason: 'genre' } });
  });

  it('refuses a site the user turned Loupe off for, and says how to turn it back on', async () => {
    const { deps, shown } = setup({ ok: true, captureId: 'c1', text: ARTICLE, title: 'Harbor Point', url: 'https://news.test/a' });
    deps.refusal = async () => 'Loupe is off for https://news.test — turn it back on in the side panel.';
    const state = await annotateTab(deps, 7);
    expect(state.error?.message).toMatch(/turn it back on/);
    expect(shown).toHaveLength(0);
  });

  it('lets a newer annotation of the tab win over an older one still streaming', async () => {
    const { deps } = setup({ ok: true, captureId: 'c1', text: LONG, title: 'Long', url: 'https://news.test/long' });
    deps.chunking = { maxChars: 10_000, maxParagraphs: 1 };
    const [older, newer] = await Promise.all([annotateTab(deps, 7), annotateTab(deps, 7, { scope: 'selection', tasks: ['bias'] })]);
    expect(newer.status).toBe('done');
    expect(older.scope).toBe('selection');
    expect(deps.results.get(7)).toMatchObject({ status: 'done', scope: 'selection', tasks: ['bias'] });
  });
});

type UpdatedListener = (tabId: number, change: { url?: string }) => void;

/** The two tab events watchTabs listens to, fired by hand. */
function fakeTabEvents() {
  const updated: UpdatedListener[] = [];
  const tabs = {
    onUpdated: {
      addListener: (listener: UpdatedListener) => {
        updated.push(listener);
      },
    },
    onRemoved: { addListener: () => undefined },
  };
  return {
    tabs: tabs as unknown as Parameters<typeof watchTabs>[0],
    reportUrl: (tabId: number, url: string) => {
      for (const l of updated) l(tabId, { url });
    },
  };
}

describe("annotateTab while the browser reports the tab's address", () => {
  const URL_A = 'https://news.test/a';

  function watched(tabUrl: string | undefined) {
    const { deps, shown } = setup({ ok: true, captureId: 'c1', text: ARTICLE, title: 'Harbor Point', url: URL_A });
    const events = fakeTabEvents();
    const cancelled: number[] = [];
    watchTabs(events.tabs, deps.results, (id) => cancelled.push(id));
    deps.tabUrl = async () => tabUrl;
    return { deps, shown, events, cancelled };
  }

  it("keeps the work when the page's own address arrives after the annotation started", async () => {
    const { deps, shown, events, cancelled } = watched(URL_A);
    const capture = deps.capture;
    deps.capture = async (tabId, scope) => {
      events.reportUrl(7, URL_A);
      return capture(tabId, scope);
    };
    const state = await annotateTab(deps, 7);
    expect(state.status).toBe('done');
    expect(state.analysis?.entities?.items.length).toBeGreaterThan(0);
    expect(shown).toHaveLength(1);
    expect(cancelled).toEqual([]);
  });

  it('keeps the work when the address arrives before the annotation knew it', async () => {
    const { deps, shown, events, cancelled } = watched(URL_A);
    deps.tabUrl = async () => {
      events.reportUrl(7, `${URL_A}#top`);
      return URL_A;
    };
    const state = await annotateTab(deps, 7);
    expect(state.status).toBe('done');
    expect(shown).toHaveLength(1);
    expect(cancelled).toEqual([]);
  });

  it('drops the work when the tab really navigates to another page meanwhile', async () => {
    const { deps, shown, events, cancelled } = watched(URL_A);
    const capture = deps.capture;
    deps.capture = async (tabId, scope) => {
      events.reportUrl(7, 'https://news.test/b');
      return capture(tabId, scope);
    };
    const state = await annotateTab(deps, 7);
    expect(cancelled).toEqual([7]);
    expect(state.status).toBe('idle');
    expect(shown).toHaveLength(0);
    expect(deps.results.get(7).status).toBe('idle');
  });

  it("keeps a finished page's error until the tab leaves it", async () => {
    const { deps, events } = watched(URL_A);
    deps.capture = async () => ({ ok: false, reason: 'No readable article on this page.' });
    await annotateTab(deps, 7);
    events.reportUrl(7, URL_A);
    expect(deps.results.get(7).status).toBe('error');
    events.reportUrl(7, 'https://news.test/b');
    expect(deps.results.get(7).status).toBe('idle');
  });
});

import { browser } from 'wxt/browser';
import { ANNOTATE_COMMAND } from '../../lib/annotate-shortcut';
import type { AnnotateOptions } from './annotate-tab';
import { menuAction, registerContextMenus } from './context-menus';
import { openSidePanel } from './open-side-panel';

export interface UserActionDeps {
  annotate(tabId: number, options?: AnnotateOptions): Promise<unknown>;
  caption(tabId: number, srcUrl: string): Promise<unknown>;
  /** Why the tab's site is left alone (the user turned Loupe off there), if it is. */
  refusal(tabId: number): Promise<string | undefined>;
  /** Tells the reader on the image's card why it was not described. */
  explainOnCard(tabId: number, srcUrl: string, message: string): Promise<unknown>;
}

export interface UserActions {
  /** What a click on the toolbar button (or Alt+Shift+L) does for the tab. */
  pressToolbarButton(tabId: number, windowId?: number): Promise<void>;
}

/** Toolbar button, keyboard command and context menus. Panels open first: it needs the gesture. */
export function registerUserActions(deps: UserActionDeps): UserActions {
  const annotateFrom = async (tabId: number, windowId: number | undefined, options?: AnnotateOptions) => {
    openSidePanel(tabId, windowId);
    // On a site switched off, the panel says so (and how to turn it back on): nothing to run.
    if (await deps.refusal(tabId)) return;
    await deps.annotate(tabId, options);
  };
  const failed = (what: string) => (error: unknown) => console.warn(`Loupe: ${what} failed`, error);
  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) annotateFrom(tab.id, tab.windowId).catch(failed('annotate'));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === ANNOTATE_COMMAND && tab?.id !== undefined) annotateFrom(tab.id, tab.windowId).catch(failed('annotate'));
  });
  registerContextMenus(browser.contextMenus).catch(failed('context menus'));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const action = menuAction(info, tab);
    if (!action) return;
    if (action.kind === 'selection') {
      annotateFrom(action.tabId, tab?.windowId, { scope: 'selection', tasks: action.tasks }).catch(failed('annotate'));
      return;
    }
    void (async () => {
      const refusal = await deps.refusal(action.tabId);
      await (refusal ? deps.explainOnCard(action.tabId, action.srcUrl, refusal) : deps.caption(action.tabId, action.srcUrl));
    })().catch(failed('caption'));
  });
  return { pressToolbarButton: (tabId, windowId) => annotateFrom(tabId, windowId) };
}

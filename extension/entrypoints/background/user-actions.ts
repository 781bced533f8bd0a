import { browser, type Browser } from 'wxt/browser';
import type { AnnotateOptions } from './annotate-tab';
import { menuAction, registerContextMenus } from './context-menus';
import { openSidePanel } from './open-side-panel';

export interface UserActionDeps {
  annotate(tabId: number, options?: AnnotateOptions): Promise<unknown>;
  caption(tabId: number, srcUrl: string): Promise<unknown>;
}

const ANNOTATE_COMMAND = 'annotate-page';

/** Toolbar button, keyboard command and context menus. Panels open first: it needs the gesture. */
export function registerUserActions(deps: UserActionDeps): void {
  const annotateFrom = (tab: Browser.tabs.Tab | undefined) => {
    if (tab?.id === undefined) return;
    openSidePanel(tab.id, tab.windowId);
    void deps.annotate(tab.id);
  };
  browser.action.onClicked.addListener(annotateFrom);
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === ANNOTATE_COMMAND) annotateFrom(tab);
  });
  registerContextMenus(browser.contextMenus).catch((error: unknown) => console.warn('Loupe: context menus', error));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const action = menuAction(info, tab);
    if (!action) return;
    if (action.kind === 'caption') {
      deps.caption(action.tabId, action.srcUrl).catch((error: unknown) => console.warn('Loupe: caption failed', error));
      return;
    }
    openSidePanel(action.tabId, tab?.windowId);
    void deps.annotate(action.tabId, { scope: 'selection', tasks: action.tasks });
  });
}

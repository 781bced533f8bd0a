import type { Browser } from 'wxt/browser';
import type { TextTask } from '../../../shared/protocol/results';

export const MENU_IDS = {
  caption: 'loupe-caption-image',
  summarize: 'loupe-summarize-selection',
  bias: 'loupe-bias-selection',
} as const;

type Menus = Pick<typeof Browser.contextMenus, 'create' | 'removeAll'>;

/** (Re)creates the menus; removing first keeps ids unique when the service worker restarts. */
export async function registerContextMenus(menus: Menus): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_IDS.caption, title: 'Caption this image', contexts: ['image'] });
  menus.create({ id: MENU_IDS.summarize, title: 'Summarize selection', contexts: ['selection'] });
  menus.create({ id: MENU_IDS.bias, title: 'Check selection for bias', contexts: ['selection'] });
}

export type MenuAction = { kind: 'caption'; tabId: number; srcUrl: string } | { kind: 'selection'; tabId: number; tasks: TextTask[] };

/** Turns a menu click into what to do; undefined for clicks that are not ours or lack a tab. */
export function menuAction(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): MenuAction | undefined {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  switch (info.menuItemId) {
    case MENU_IDS.caption:
      return info.srcUrl ? { kind: 'caption', tabId, srcUrl: info.srcUrl } : undefined;
    case MENU_IDS.summarize:
      return { kind: 'selection', tabId, tasks: ['summary', 'entities'] };
    case MENU_IDS.bias:
      return { kind: 'selection', tabId, tasks: ['bias'] };
    default:
      return undefined;
  }
}

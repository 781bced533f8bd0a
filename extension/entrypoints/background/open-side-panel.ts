import { browser } from 'wxt/browser';

interface SidebarAction {
  open(): Promise<void>;
}

/**
 * Opens Loupe's panel next to the tab. Both browsers only allow it in direct response to a user
 * gesture, so callers must call this before their first `await`.
 */
export function openSidePanel(tabId: number, windowId: number | undefined): void {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (sidebar) {
    sidebar.open().catch((error: unknown) => console.warn('Loupe: could not open the sidebar', error));
    return;
  }
  const target = windowId !== undefined ? { tabId, windowId } : { tabId };
  browser.sidePanel?.open(target).catch((error: unknown) => console.warn('Loupe: could not open the side panel', error));
}

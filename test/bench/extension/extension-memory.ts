import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Target } from 'puppeteer-core';

/** Memory the extension holds, in bytes, after the garbage collector ran in each of its contexts. */
export interface ExtensionMemory {
  /** JS heap of the background service worker. */
  serviceWorkerHeap: number;
  /** JS heap of the engine host (Chrome's offscreen document); 0 when it is not open. */
  engineHostHeap: number;
  /** JS heap of the annotated tab: Loupe's content script (the bench page runs no script of its own). */
  pageHeap: number;
  /** Proportional set size of the extension's renderer process (service worker, engine host, wasm memory). */
  extensionProcessPss: number;
}

async function heapAfterGc(target: Target | undefined): Promise<number> {
  if (!target) return 0;
  const session = await target.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
    // V8 keeps pages it grew into for garbage long gone; what is left after a purge is what is held.
    await session.send('Memory.forciblyPurgeJavaScriptMemory').catch(() => undefined);
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/mu.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1]);
      if (ppid === pid) children.push(Number(name), ...childPids(Number(name)));
    } catch {
      // The process exited while we looked.
    }
  }
  return children;
}

/** PSS of the extension renderer processes of the browser (Linux /proc); Loupe is the only extension loaded. */
function extensionProcessPss(browserPid: number): number {
  let total = 0;
  for (const pid of childPids(browserPid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !cmdline.includes('--extension-process')) continue;
      const pss = /^Pss:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      total += Number(pss ?? 0) * 1024;
    } catch {
      // The process exited while we looked.
    }
  }
  return total;
}

/** Measures the extension's memory with `pageUrl` open and annotated. */
export async function measureExtensionMemory(browser: Browser, extensionId: string, pageUrl: string): Promise<ExtensionMemory> {
  const targets = browser.targets();
  const ours = (t: Target) => t.url().startsWith(`chrome-extension://${extensionId}/`);
  const worker = targets.find((t) => ours(t) && t.type() === 'service_worker');
  const host = targets.find((t) => ours(t) && t.url().endsWith('/offscreen.html'));
  const page = targets.find((t) => t.type() === 'page' && t.url() === pageUrl);
  const [serviceWorkerHeap, engineHostHeap, pageHeap] = [await heapAfterGc(worker), await heapAfterGc(host), await heapAfterGc(page)];
  const pid = browser.process()?.pid;
  return { serviceWorkerHeap, engineHostHeap, pageHeap, extensionProcessPss: pid ? extensionProcessPss(pid) : 0 };
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CatalogueEntry, Dtype } from '../../../shared/models/catalogue-schema';
import { deleteFromThisBrowser, downloadForThisBrowser, dtypeForThisBrowser } from '../../engine/full/download-for-browser';
import type { DownloadProgress } from '../../engine/full/download-model';
import { downloadPlan, fullTierModels } from '../../engine/full/download-plan';
import { storageRefusal } from './free-storage';
import { listInstalled, openModelCache, type InstalledModel } from '../../engine/full/model-cache';
import { loadModelMirror, saveModelMirror } from '../../engine/full/model-mirror';

export interface ModelRowState {
  entry: CatalogueEntry;
  /** The weights a download would fetch in this browser. */
  dtype: Dtype | undefined;
  installed?: InstalledModel;
  progress?: DownloadProgress;
  error?: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Options → Models: catalogue rows with what is installed, downloads in flight, and the mirror. */
export function useModelManager() {
  const [rows, setRows] = useState<ModelRowState[]>(() => fullTierModels().map((entry) => ({ entry, dtype: undefined })));
  const [mirror, setMirror] = useState('');
  const [mirrorError, setMirrorError] = useState<string>();
  const patch = (id: string, change: Partial<ModelRowState>) =>
    setRows((current) => current.map((row) => (row.entry.id === id ? { ...row, ...change } : row)));

  const refresh = async () => {
    const installed = await listInstalled(await openModelCache());
    setRows((current) => current.map((row) => ({ ...row, installed: installed.find((m) => m.id === row.entry.id) })));
  };

  useEffect(() => {
    void loadModelMirror(browser.storage.local).then(setMirror);
    void refresh();
    void Promise.all(fullTierModels().map(async (entry) => [entry.id, await dtypeForThisBrowser(entry)] as const)).then((chosen) =>
      setRows((current) => current.map((row) => ({ ...row, dtype: chosen.find(([id]) => id === row.entry.id)?.[1] }))),
    );
  }, []);

  return {
    rows,
    mirror,
    mirrorError,
    setMirror,
    async saveMirror() {
      try {
        setMirror(await saveModelMirror(browser.storage.local, mirror));
        setMirrorError(undefined);
      } catch (error) {
        setMirrorError(message(error));
      }
    },
    async download(id: string, dtype: Dtype | undefined) {
      patch(id, { error: undefined, progress: undefined });
      const entry = rows.find((row) => row.entry.id === id)?.entry;
      const refusal =
        entry && dtype ? await storageRefusal(downloadPlan(entry, dtype).bytes, () => navigator.storage.estimate()) : undefined;
      if (refusal) {
        patch(id, { error: refusal });
        return;
      }
      try {
        await downloadForThisBrowser(id, { ...(dtype ? { dtype } : {}), onProgress: (progress) => patch(id, { progress }) });
      } catch (error) {
        patch(id, { error: message(error) });
      }
      patch(id, { progress: undefined });
      await refresh();
    },
    async remove(id: string) {
      await deleteFromThisBrowser(id);
      await refresh();
    },
  };
}

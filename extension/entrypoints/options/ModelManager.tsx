import { formatBytes } from '../../engine/full/download-plan';
import { ModelRow } from './ModelRow';
import { useModelManager } from './use-model-manager';

/** Options → Models: download full-tier models into the browser, see their size first, delete them. */
export function ModelManager() {
  const models = useModelManager();
  const used = models.rows.reduce((sum, row) => sum + (row.installed?.bytes ?? 0), 0);
  return (
    <section id="models">
      <p class="muted">
        Full models run in this browser once downloaded (WebGPU when available, WebAssembly otherwise). Without them Loupe uses its built-in
        lite models. Downloads come only from the mirror below, and only when you click Download.
      </p>
      <table>
        <tbody>
          {models.rows.map((row) => (
            <ModelRow
              key={row.entry.id}
              row={row}
              onDownload={() => void models.download(row.entry.id, row.dtype)}
              onDelete={() => void models.remove(row.entry.id)}
            />
          ))}
        </tbody>
      </table>
      <p data-role="storage">{`Models stored in this browser: ${formatBytes(used)}`}</p>
      <label for="mirror">Model mirror</label>
      <div class="row">
        <input id="mirror" class="token" value={models.mirror} onInput={(e) => models.setMirror(e.currentTarget.value)} />
        <button type="button" onClick={() => void models.saveMirror()}>
          Save mirror
        </button>
      </div>
      <p class="muted">
        https://huggingface.co, or a mirror on this machine with the same <code>/&lt;repo&gt;/resolve/&lt;revision&gt;/&lt;file&gt;</code>{' '}
        layout (e.g. http://127.0.0.1:8080).
      </p>
      {models.mirrorError && <p class="bad">{models.mirrorError}</p>}
    </section>
  );
}

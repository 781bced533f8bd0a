import type { Entity, Span } from '../../protocol/results';
import type { EntityModel } from '../lite-models';

interface Pending {
  readonly page: { text: string; sentences: readonly Span[] };
  resolve(entities: Entity[]): void;
  reject(error: unknown): void;
}

/**
 * The model, with its `tag` calls gathered: calls made in the same turn of the event loop (a
 * window of input lines analysed together) go to the network as one `tagMany` batch, at most
 * `maxPages` pages per batch. Each caller still gets its own page's entities, or the batch's error.
 * A model that cannot batch is returned as it is.
 */
export function batchEntityCalls(model: EntityModel, maxPages = 1024): EntityModel {
  const tagMany = model.tagMany?.bind(model);
  if (!tagMany) return model;
  let queue: Pending[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    tagMany(batch.map((p) => p.page)).then(
      (results) => {
        batch.forEach((p, i) => {
          p.resolve(results[i] ?? []);
        });
      },
      (error: unknown) => {
        for (const p of batch) p.reject(error);
      },
    );
  };
  return {
    id: model.id,
    backend: model.backend,
    tagMany,
    tag(text, sentences) {
      return new Promise<Entity[]>((resolve, reject) => {
        queue.push({ page: { text, sentences }, resolve, reject });
        if (queue.length === 1) void Promise.resolve().then(flush);
        else if (queue.length >= maxPages) flush();
      });
    },
  };
}

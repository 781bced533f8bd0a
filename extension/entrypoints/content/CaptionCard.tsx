import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ImageDescription } from '../../../shared/protocol/results';
import type { AltQuality } from '../../../shared/lite/alt-text-quality';

const SOURCE_LABELS: Record<ImageDescription['context'][number]['source'], string> = {
  alt: 'Alt text',
  figcaption: 'Figure caption',
  title: 'Title',
  nearby: 'Nearby text',
  filename: 'File name',
};

export interface CaptionCardProps {
  description?: ImageDescription;
  error?: string;
  alt: AltQuality;
  onClose(): void;
}

function copyText(description: ImageDescription): string {
  if (description.caption) return description.caption;
  const parts = description.context.filter((c) => c.source !== 'filename').map((c) => c.text);
  if (description.ocrText) parts.push(description.ocrText);
  return parts.join('\n');
}

export function CaptionCard({ description, error, alt, onClose }: CaptionCardProps) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!description) return;
    await navigator.clipboard.writeText(copyText(description));
    setCopied(true);
  };
  const p = description?.provenance;
  return (
    <div class="card" role="dialog" aria-label="Loupe image description">
      <header>
        <strong>Loupe</strong>
        {p && <span class="badge" data-role="provenance">{`${p.engine} · ${p.tier} · ${p.model}`}</span>}
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {error && (
        <p class="error" data-role="error">
          {error}
        </p>
      )}
      {description?.caption && (
        <section data-role="caption">
          <h3>Caption</h3>
          <p>{description.caption}</p>
        </section>
      )}
      {description && (
        <section data-role="context">
          <h3>Context from the page — not a generated caption</h3>
          {description.context.length === 0 && <p class="muted">The page says nothing about this image.</p>}
          <dl>
            {description.context.map((c, i) => (
              <Fragment key={i}>
                <dt>{SOURCE_LABELS[c.source]}</dt>
                <dd>{c.text}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
      {description?.ocrText && (
        <section data-role="ocr">
          <h3>Text in the image</h3>
          <p>{description.ocrText}</p>
        </section>
      )}
      {alt !== 'useful' && (
        <p class="muted" data-role="alt-warning">
          {alt === 'missing' ? 'This image has no alt text.' : 'This image’s alt text says nothing about it.'}
        </p>
      )}
      {p?.note && <p class="note">{p.note}</p>}
      {description && (
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      )}
    </div>
  );
}

import { serveEngineHost } from '../../engine/serve-engine-host';
import { startEngineHost } from '../../engine/start-engine-host';

// Chrome's engine host: lite, full and OCR behind one protocol; models load on first use.
serveEngineHost(startEngineHost());

import { TEXT_TASKS, TextTaskSchema, type TextTask } from '../../shared/protocol/results';
import { UsageError, parseCommandArgs, type Command } from './command';

function parseTasks(value: string | undefined): TextTask[] {
  if (value === undefined) return [...TEXT_TASKS];
  const tasks = value.split(',').map((t) => t.trim()).filter(Boolean);
  const bad = tasks.find((t) => !TextTaskSchema.safeParse(t).success);
  if (bad !== undefined || tasks.length === 0) {
    throw new UsageError(`Unknown task ${JSON.stringify(bad ?? value)} in --tasks. Use a comma-separated list of: ${TEXT_TASKS.join(', ')}.`, 'analyze');
  }
  return [...new Set(tasks as TextTask[])];
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'analyse a page (file.html, file.txt or URL) in-process',
  help: `Usage: loupe analyze <file.html|file.txt|url> [--json] [--tasks summary,entities,bias]
       loupe analyze --jsonl [--tasks ...] < input.jsonl

Runs the lite pipelines in this process (no daemon needed), with Loupe's trained entity tagger
and bias classifier from models/lite, and prints a report: title, summary key points, entities
grouped by type, and bias flags with their cues.

  --json     print one Analysis JSON object (text plus character-offset spans)
  --jsonl    read lines {"id":..., "text":...} or {"id":..., "html":...} on stdin and write
             one JSON line per input, in order: {"id":..., ...analysis} or {"id":..., "error":{code,message}};
             exit code 1 when any line failed
  --tasks    which results to compute (default: all)`,
  async run(args, { io, logger }) {
    const { values, positionals } = parseCommandArgs('analyze', args, { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, tasks: { type: 'string' } }, 1);
    const tasks = parseTasks(values.tasks);
    // Loaded on use so that other commands start without the pipelines and the HTML parser.
    const [source] = positionals;
    if (values.jsonl && (source !== undefined || values.json)) throw new UsageError('--jsonl reads stdin: give no file and no --json.', 'analyze');
    if (!values.jsonl && source === undefined) throw new UsageError('Give a file.html, file.txt or an http(s) URL to analyse.', 'analyze');
    const [{ createLiteEngine }, { loadLiteModels }, { loadInput }, { analyzeJsonl }, { formatReport }, { batchEntityCalls }] = await Promise.all([
      import('../lite-engine'),
      import('../lite-models/load-lite-models'),
      import('../capture/load-input'),
      import('./analyze-jsonl'),
      import('./analyze-report'),
      import('../../shared/lite/entity-tagger/batch-entity-calls'),
    ]);
    // Read first: an input over a limit is refused before any model loads.
    const input = values.jsonl ? undefined : await loadInput(source!);
    const lite = await loadLiteModels({ logger: logger() });
    try {
      const engine = createLiteEngine('in-process', lite);
      if (!input) {
        // A window of lines shares one run of the entity network instead of one run per line.
        const entities = lite.entities ? batchEntityCalls(lite.entities) : undefined;
        const batched = createLiteEngine('in-process', { ...lite, ...(entities ? { entities } : {}) });
        const failures = await analyzeJsonl(io.stdin, io.stdout, tasks, batched.analyze);
        return failures > 0 ? 1 : 0;
      }
      const analysis = await engine.analyze({ text: input.text, tasks, tier: 'lite', ...(input.page ? { page: input.page } : {}) }, { signal: new AbortController().signal, onProgress: () => {} });
      io.stdout(values.json ? JSON.stringify({ text: input.text, ...analysis }) + '\n' : formatReport(input.title, analysis, input.byline));
      return 0;
    } finally {
      await lite.release();
    }
  },
};

import { TEXT_TASKS, TextTaskSchema, type TextTask } from '../../shared/protocol/results';
import { UsageError, parseCommandArgs, type Command, type CommandContext } from './command';

function parseTasks(value: string | undefined): TextTask[] {
  if (value === undefined) return [...TEXT_TASKS];
  const tasks = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = tasks.find((t) => !TextTaskSchema.safeParse(t).success);
  if (bad !== undefined || tasks.length === 0) {
    throw new UsageError(
      `Unknown task ${JSON.stringify(bad ?? value)} in --tasks. Use a comma-separated list of: ${TEXT_TASKS.join(', ')}.`,
      'analyze',
    );
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
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      'analyze',
      args,
      { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, tasks: { type: 'string' } },
      1,
    );
    const tasks = parseTasks(values.tasks);
    const [source] = positionals;
    if (values.jsonl && (source !== undefined || values.json)) {
      throw new UsageError('--jsonl reads stdin: give no file and no --json.', 'analyze');
    }
    if (values.jsonl) return analyzeLines(tasks, context);
    if (source === undefined) throw new UsageError('Give a file.html, file.txt or an http(s) URL to analyse.', 'analyze');
    return analyzePage(source, tasks, values.json === true, context);
  },
};

// Pipelines, models and the HTML parser load on use: other commands start without them, and
// --jsonl loads the HTML parser only when a line holds HTML.

async function analyzeLines(tasks: TextTask[], { io, logger }: CommandContext): Promise<number> {
  const [{ createLiteEngine }, { loadLiteModels }, { analyzeJsonl }, { batchEntityCalls }] = await Promise.all([
    import('../lite-engine'),
    import('../lite-models/load-lite-models'),
    import('./analyze-jsonl'),
    import('../../shared/lite/entity-tagger/batch-entity-calls'),
  ]);
  const lite = await loadLiteModels({ logger: logger() });
  try {
    // A window of lines shares one run of the entity network instead of one run per line.
    const entities = lite.entities ? batchEntityCalls(lite.entities) : undefined;
    const engine = createLiteEngine('in-process', { ...lite, ...(entities ? { entities } : {}) });
    const failures = await analyzeJsonl(io.stdin, io.stdout, tasks, engine.analyze);
    return failures > 0 ? 1 : 0;
  } finally {
    await lite.release();
  }
}

async function analyzePage(source: string, tasks: TextTask[], json: boolean, { io, logger }: CommandContext): Promise<number> {
  const [{ createLiteEngine }, { loadLiteModels }, { loadInput }, { formatReport }] = await Promise.all([
    import('../lite-engine'),
    import('../lite-models/load-lite-models'),
    import('../capture/load-input'),
    import('./analyze-report'),
  ]);
  // Read first: an input over a limit is refused before any model loads.
  const input = await loadInput(source);
  const lite = await loadLiteModels({ logger: logger() });
  try {
    const engine = createLiteEngine('in-process', lite);
    const analysis = await engine.analyze(
      { text: input.text, tasks, tier: 'lite', ...(input.page ? { page: input.page } : {}) },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    io.stdout(json ? JSON.stringify({ text: input.text, ...analysis }) + '\n' : formatReport(input.title, analysis, input.byline));
    return 0;
  } finally {
    await lite.release();
  }
}

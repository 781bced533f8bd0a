import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import of a source file: what it names, and the project file it resolves to (if any). */
export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  /** Project-relative path of the imported file; undefined for packages and `node:` modules. */
  readonly to?: string;
}

// Static imports and re-exports (type-only ones too: they still tie the files together) and
// dynamic `import('...')`.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gmu;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(?:ts|tsx)$/u.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveLocal(root: string, file: string, specifier: string): string | undefined {
  const base = resolve(dirname(file), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split('\\').join('/');
  }
  return undefined;
}

/** Every import of the TypeScript files under `dirs` (project-relative folders). */
export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  return dirs
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .flatMap((file) => {
      const from = relative(root, file).split('\\').join('/');
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(IMPORT)].map((m) => {
        const specifier = (m[1] ?? m[2] ?? m[3])!;
        const to = specifier.startsWith('.') ? resolveLocal(root, file, specifier) : undefined;
        return { from, specifier, ...(to ? { to } : {}) };
      });
    });
}

/** The import cycles among project files (each as its files in order), by Tarjan's algorithm. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) if (to) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (next.get(node) ?? []).includes(node)) cycles.push(component.reverse());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

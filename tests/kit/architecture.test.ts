import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Note: the layout rules of the README's 代码结构: the kit is cut by pipeline stage and knows no form; every
// form lives in src/profiles/<id>/ over it; data flows load → derive → check → compose → write → run.
const SRC = join(import.meta.dirname, '..', '..', 'src');
const STAGES = ['model', 'load', 'derive', 'check', 'compose', 'write', 'run'] as const;

/** Every .ts file under src, relative to it, with the src files it imports (relative imports only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
          relative(SRC, normalize(join(dirname(path), m[1]!))).replace(/\.js$/, '.ts'),
        );
        graph.set(relative(SRC, path), targets);
      }
    }
  };
  walk(SRC);
  return graph;
}

const top = (file: string): string => file.split('/')[0]!;

/** Re-exports at old paths kept while other work moved; none is left. */
const SHIMS = new Set<string>([]);

describe('the layout of src', () => {
  const graph = importGraph();

  it('has no import cycles', () => {
    // Tarjan's strongly connected components; a component of more than one file is a cycle.
    let index = 0;
    const idx = new Map<string, number>(),
      low = new Map<string, number>(),
      stack: string[] = [],
      on = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index);
      low.set(v, index);
      index += 1;
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) cycles.push(scc.sort());
      }
    };
    for (const v of graph.keys()) if (!idx.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });

  it('imports only along the flow: a stage never imports a later stage, the kit never imports a profile, run/ only the registry', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = top(file);
      for (const t of targets) {
        const to = top(t);
        const [a, b] = [STAGES.indexOf(from as never), STAGES.indexOf(to as never)];
        if (a >= 0 && b > a) wrong.push(`${file} → ${t}`);
        if (a >= 0 && from !== 'run' && to === 'profiles' && !SHIMS.has(file)) wrong.push(`${file} → ${t}`);
        // Note: run/ reaches the profiles through the registry only.
        if (from === 'run' && to === 'profiles' && t !== 'profiles/registry.ts') wrong.push(`${file} → ${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps each profile to itself: a profile imports the kit and its own folder, never another profile', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const m = /^profiles\/([^/]+)\//.exec(file);
      if (!m) continue;
      for (const t of targets) {
        const other = /^profiles\/([^/]+)\//.exec(t);
        if (other && other[1] !== m[1]) wrong.push(`${file} → ${t}`);
        if (top(t) === 'run') wrong.push(`${file} → ${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

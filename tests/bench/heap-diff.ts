/**
 * What a kiosk session leaves in the JS heap: `npx tsx tests/bench/heap-diff.ts [first] [then]`
 * (defaults 10 and 200; needs `npm run build`). Runs the endurance figure's sessions in the real
 * built app, takes a heap snapshot after `first` and after `then` sessions (each after a forced GC),
 * and prints the object groups (V8 node type + constructor or string) whose retained-by-count and
 * self size grew most, with the performance-timeline and navigation-entry counts beside them.
 * BENCHMARKS.md (figure 5) quotes what it found.
 */
import type { CDPSession, Page } from '@playwright/test';
import { measure, sessions } from './endurance.ts';
import { launchChromium, newBenchContext } from './lib/browser.ts';
import { startServerChild } from './lib/server.ts';

const first = Number(process.argv[2] ?? 10);
const then = Number(process.argv[3] ?? 200);

interface Group { count: number; size: number }

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}
let lastRaw: RawSnapshot | undefined;

/**
 * For objects of `type`/`name` that are new in `b` (ids absent from `a`), the chain of first
 * retainers up to `depth` levels, counted: which function's code, which cache, keeps them.
 */
function newRetainers(a: RawSnapshot, b: RawSnapshot, name: string, depth = Number(process.env.DEPTH ?? 4)): Map<string, number> {
  const nf = b.snapshot.meta.node_fields.length;
  const ef = b.snapshot.meta.edge_fields.length;
  const [typeAt, nameAt, idAt, edgeCountAt] = ['type', 'name', 'id', 'edge_count'].map((f) => b.snapshot.meta.node_fields.indexOf(f)) as [number, number, number, number];
  const [edgeToAt, edgeTypeAt] = ['to_node', 'type'].map((f) => b.snapshot.meta.edge_fields.indexOf(f)) as [number, number];
  const oldIds = new Set<number>();
  for (let i = 0; i < a.nodes.length; i += nf) oldIds.add(a.nodes[i + idAt]!);
  const retainer = new Map<number, number>();
  let edge = 0;
  for (let i = 0; i < b.nodes.length; i += nf) {
    for (let e = 0; e < b.nodes[i + edgeCountAt]!; e++, edge += ef) {
      const to = b.edges[edge + edgeToAt]!;
      const weak = b.snapshot.meta.edge_types[0][b.edges[edge + edgeTypeAt]!] === 'weak';
      if (!weak && !retainer.has(to)) retainer.set(to, i);
    }
  }
  const label = (i: number) => `${b.snapshot.meta.node_types[0][b.nodes[i + typeAt]!]}:${b.strings[b.nodes[i + nameAt]!]!.slice(0, 50)}`;
  const chains = new Map<string, number>();
  for (let i = 0; i < b.nodes.length; i += nf) {
    if (oldIds.has(b.nodes[i + idAt]!) || b.strings[b.nodes[i + nameAt]!] !== name) continue;
    const chain: string[] = [];
    for (let at = retainer.get(i), d = 0; at !== undefined && d < depth; at = retainer.get(at), d++) {
      const l = label(at);
      if (chain.at(-1) === l || chain.at(-1) === `${l} …`) chain[chain.length - 1] = `${l} …`;
      else if (!/CodeWrapper/.test(l)) chain.push(l);
    }
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + 1);
  }
  return chains;
}

async function snapshot(cdp: CDPSession): Promise<Map<string, Group>> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const heap = JSON.parse(chunks.join('')) as RawSnapshot;
  lastRaw = heap;
  const fields = heap.snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const types = heap.snapshot.meta.node_types[0];
  const groups = new Map<string, Group>();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt!]!]!;
    let name = heap.strings[heap.nodes[i + nameAt!]!]!;
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = name.slice(0, 60);
    const key = `${type} ${name}`;
    const g = groups.get(key) ?? { count: 0, size: 0 };
    g.count += 1;
    g.size += heap.nodes[i + sizeAt!]!;
    groups.set(key, g);
  }
  return groups;
}

async function counts(page: Page) {
  return page.evaluate(() => ({
    entries: performance.getEntries().length,
    byType: performance.getEntries().reduce<Record<string, number>>((acc, e) => ((acc[e.entryType] = (acc[e.entryType] ?? 0) + 1), acc), {}),
    resources: Object.entries(
      performance.getEntriesByType('resource').reduce<Record<string, number>>((acc, e) => ((acc[new URL(e.name).pathname] = (acc[new URL(e.name).pathname] ?? 0) + 1), acc), {}),
    ).filter(([, n]) => n > 1),
    navigation: (globalThis as unknown as { navigation?: { entries(): unknown[] } }).navigation?.entries().length ?? -1,
    historyLength: history.length,
  }));
}

const server = await startServerChild({ entry: 'production' });
const browser = await launchChromium();
try {
  const context = await newBenchContext(browser, { serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.locator('a.kiosk-tile[href="/service/change-of-address"]').waitFor();
  const cdp = await context.newCDPSession(page);
  await sessions(page, first);
  const a = await snapshot(cdp);
  const rawA = lastRaw!;
  const ma = await measure(page, cdp);
  console.log(`after ${first}:`, JSON.stringify(await counts(page)), `heap ${ma.heap}`);
  await sessions(page, then - first);
  const b = await snapshot(cdp);
  const mb = await measure(page, cdp);
  console.log(`after ${then}:`, JSON.stringify(await counts(page)), `heap ${mb.heap} (${(mb.heap / ma.heap).toFixed(3)}×)`);
  const grown = [...b.entries()]
    .map(([key, g]) => ({ key, dCount: g.count - (a.get(key)?.count ?? 0), dSize: g.size - (a.get(key)?.size ?? 0) }))
    .filter((d) => d.dSize > 0)
    .sort((x, y) => y.dSize - x.dSize)
    .slice(0, 40);
  const total = grown.reduce((s, d) => s + d.dSize, 0);
  console.log(`top groups by self-size growth (sum of these ${total} bytes):`);
  for (const d of grown) console.log(`${String(d.dSize).padStart(9)} B ${String(d.dCount).padStart(7)}×  ${d.key.replace(/\s+/g, ' ')}`);
  for (const name of (process.env.RETAINERS ?? 'system / InstructionStream').split(',')) {
    console.log(`new "${name}" by retainer chain:`);
    const chains = [...newRetainers(rawA, lastRaw!, name)].sort((x, y) => y[1] - x[1]).slice(0, 15);
    for (const [chain, n] of chains) console.log(`${String(n).padStart(6)}×  ${chain}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

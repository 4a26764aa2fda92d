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

async function snapshot(cdp: CDPSession): Promise<Map<string, Group>> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const heap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
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
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

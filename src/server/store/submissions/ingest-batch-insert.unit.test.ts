import { describe, expect, it } from 'vitest';
import { runsOf } from './ingest-batch-insert.ts';

describe('runsOf', () => {
  it('cuts rows into runs of 100, then 64, 32, …, 1 in order, so a statement has one of eight row counts', () => {
    const rows = Array.from({ length: 200 }, (_, i) => i);
    const runs = [...runsOf(rows)];
    expect(runs.map((r) => r.length)).toEqual([100, 100]);
    expect(runs.flat()).toEqual(rows);
    expect([...runsOf(rows.slice(0, 100))].map((r) => r.length)).toEqual([100]);
    expect([...runsOf(rows.slice(0, 172))].map((r) => r.length)).toEqual([100, 64, 8]);
    expect([...runsOf(rows.slice(0, 99))].map((r) => r.length)).toEqual([64, 32, 2, 1]);
    expect([...runsOf([])]).toEqual([]);
    const sizes = new Set<number>();
    for (let n = 1; n <= 300; n++) for (const run of runsOf(rows.concat(rows).slice(0, n))) sizes.add(run.length);
    expect([...sizes].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 100]);
  });
});

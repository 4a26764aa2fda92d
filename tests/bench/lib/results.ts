import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/**
 * One measured figure. `quiet: true` marks an absolute time, which only means something on an idle
 * machine; byte counts, scores, counts and ratios measured in the same run are comparable anywhere.
 */
export interface Figure {
  group: string;
  name: string;
  value: number | string;
  unit: string;
  /** The goal as text ("<= 45 KB"), when the brief sets one. */
  goal?: string;
  /** Whether the goal is met; undefined when there is no goal. */
  met?: boolean;
  /** An absolute time: trust it only from a quiet machine. */
  quiet?: boolean;
  note?: string;
}

export interface BenchRun {
  startedAt: string;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[] };
  figures: Figure[];
  /** Figures that could not be measured, with why. */
  failures: { group: string; error: string }[];
  seconds?: number;
}

export function newRun(mode: 'quick' | 'full'): BenchRun {
  const cpu = cpus();
  return {
    startedAt: new Date().toISOString(),
    mode,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      // A load average near or above the CPU count means the absolute times below are inflated.
      loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    figures: [],
    failures: [],
  };
}

export function toMarkdown(run: BenchRun): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    `Bench ${run.mode} run ${run.startedAt} on ${run.machine.cpus} × ${run.machine.cpuModel}, Node ${run.machine.node}, ` +
      `load average at start ${run.machine.loadAverageAtStart.join(' / ')}${run.seconds ? `, ${run.seconds} s` : ''}.`,
    '',
    '| figure | value | goal | met | note |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const f of run.figures) {
    const value = `${typeof f.value === 'number' ? f.value.toLocaleString('en-US') : f.value} ${f.unit}`.trim();
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    const note = [f.quiet ? 'absolute time: quiet machine only' : '', f.note ?? ''].filter(Boolean).join('; ');
    lines.push(`| ${cell(`${f.group}: ${f.name}`)} | ${cell(value)} | ${cell(f.goal ?? '')} | ${met} | ${cell(note)} |`);
  }
  for (const f of run.failures) lines.push(`| ${cell(f.group)} | not measured | | **no** | ${cell(f.error.split('\n')[0]!.slice(0, 300))} |`);
  return lines.join('\n') + '\n';
}

export function writeResults(run: BenchRun, dir: URL): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('bench-results.json', dir), JSON.stringify(run, null, 2) + '\n');
  writeFileSync(new URL('bench-results.md', dir), toMarkdown(run));
}

import { describe, expect, it } from 'vitest';
import type { FrameDecoder } from './frame-decoder.ts';
import { problemOf, QrScan, type QrScanIo } from './qr-scan.svelte.ts';

/** A camera stream whose tracks record being stopped. */
function fakeStream() {
  const track = { stopped: false, stop() { this.stopped = true; } };
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track };
}

const video = {} as HTMLVideoElement;

function scanner(frames: (string | undefined)[], open: () => Promise<MediaStream>) {
  const found: string[] = [];
  let looks = 0;
  const decoder: FrameDecoder = { decode: async () => frames[looks++] };
  const io: QrScanIo = { hasCamera: async () => true, openCamera: open, makeDecoder: async () => decoder, pause: async () => undefined };
  return { scan: new QrScan(io, (text) => found.push(text)), found, looks: () => looks };
}

const refusal = (name: string) => () => Promise.reject(new DOMException('refused', name));

describe('QrScan', () => {
  it('reads frames until one holds a code, hands its text on once and turns the camera off', async () => {
    const { stream, track } = fakeStream();
    const s = scanner([undefined, undefined, '  K7QM-3XRT-9PWA ', 'not read'], async () => stream);
    await s.scan.start();
    expect(s.scan.state).toBe('scanning');
    expect(s.scan.stream).toBe(stream);
    await s.scan.scan(video);
    expect(s.found).toEqual(['K7QM-3XRT-9PWA']);
    expect(s.looks()).toBe(3);
    expect(track.stopped).toBe(true);
    expect(s.scan.state).toBe('idle');
    expect(s.scan.stream).toBeUndefined();
  });

  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'noCamera'],
    ['OverconstrainedError', 'noCamera'],
    ['NotReadableError', 'busy'],
    ['TypeError', 'failed'],
  ] as const)('says why when the camera refuses with %s', async (name, problem) => {
    const s = scanner([], refusal(name));
    await s.scan.start();
    expect(s.scan.state).toBe('idle');
    expect(s.scan.problem).toBe(problem);
    expect(problemOf(new DOMException('x', name))).toBe(problem);
  });

  it('stops looking when closed, and a camera that opens after closing is turned off at once', async () => {
    const first = fakeStream();
    const s = scanner(Array(1000).fill(undefined), async () => first.stream);
    await s.scan.start();
    const scanning = s.scan.scan(video);
    s.scan.stop();
    await scanning;
    expect(s.looks()).toBeLessThan(3);
    expect(first.track.stopped).toBe(true);
    expect(s.found).toEqual([]);

    const late = fakeStream();
    let open!: (stream: MediaStream) => void;
    const slow = new QrScan({ hasCamera: async () => true, openCamera: () => new Promise((resolve) => (open = resolve)), makeDecoder: async () => ({ decode: async () => undefined }), pause: async () => undefined }, () => undefined);
    const starting = slow.start();
    slow.reset();
    open(late.stream);
    await starting;
    expect(late.track.stopped).toBe(true);
    expect(slow.stream).toBeUndefined();
    expect(slow.state).toBe('idle');
  });

  it('clears an earlier problem when asked again', async () => {
    let refuse = true;
    const { stream } = fakeStream();
    const s = scanner([], () => (refuse ? refusal('NotAllowedError')() : Promise.resolve(stream)));
    await s.scan.start();
    expect(s.scan.problem).toBe('denied');
    refuse = false;
    await s.scan.start();
    expect(s.scan.problem).toBeUndefined();
    expect(s.scan.state).toBe('scanning');
    s.scan.reset();
    expect(s.scan.state).toBe('idle');
  });

  it('is offered only where the device lists a camera, and where the browser cannot say', async () => {
    const io = (hasCamera: () => Promise<boolean>): QrScanIo => ({ hasCamera, openCamera: refusal('NotFoundError'), makeDecoder: async () => ({ decode: async () => undefined }), pause: async () => undefined });
    const none = new QrScan(io(async () => false), () => undefined);
    await none.detect();
    expect(none.available).toBe(false);
    const one = new QrScan(io(async () => true), () => undefined);
    await one.detect();
    expect(one.available).toBe(true);
    const unsure = new QrScan(io(() => Promise.reject(new Error('no enumerateDevices'))), () => undefined);
    await unsure.detect();
    expect(unsure.available).toBe(true);
  });
});

import type { FrameDecoder } from './frame-decoder.ts';

/** What the scanner reaches outside itself: the camera, the decoder and the clock. */
export interface QrScanIo {
  /** Whether the device lists a camera at all (before any permission is asked). */
  hasCamera(): Promise<boolean>;
  openCamera(): Promise<MediaStream>;
  makeDecoder(): Promise<FrameDecoder>;
  /** Waits before the next look; a test passes one that does not wait. */
  pause(ms: number): Promise<void>;
}

/** Why the camera could not be used, as the screen words it (staff:scan.error.*). */
export type ScanProblem = 'denied' | 'noCamera' | 'busy' | 'failed';

/** Looks this often: a QR code held up is read within a fraction of a second, and the CPU stays free. */
export const SCAN_INTERVAL_MS = 150;

/** The DOMException names getUserMedia rejects with, in words a caseworker can act on. */
export function problemOf(error: unknown): ScanProblem {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/**
 * Scanning the receipt's QR code with the device's camera: it holds only the reference, which goes
 * into the same search as a typed or hand-scanned one. The camera is on only while scanning; it is
 * turned off when a code is read, on "close" and when the screen goes (reset()).
 */
export class QrScan {
  state = $state<'idle' | 'starting' | 'scanning'>('idle');
  /** Offered only where the device has a camera; unknown until asked. */
  available = $state(false);
  problem = $state<ScanProblem | undefined>();
  stream = $state.raw<MediaStream | undefined>();
  #run = 0;
  readonly #io: QrScanIo;
  readonly #found: (text: string) => void;

  constructor(io: QrScanIo, found: (text: string) => void) {
    this.#io = io;
    this.#found = found;
  }

  /** Looks whether there is a camera to offer; a browser that cannot say is given the benefit of the doubt. */
  async detect(): Promise<void> {
    this.available = await this.#io.hasCamera().catch(() => true);
  }

  /** Opens the camera; the screen shows the stream in a video element and passes it to scan(). */
  async start(): Promise<void> {
    this.stop();
    const run = ++this.#run;
    this.problem = undefined;
    this.state = 'starting';
    try {
      const stream = await this.#io.openCamera();
      if (run !== this.#run) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      this.stream = stream;
      this.state = 'scanning';
    } catch (error) {
      if (run !== this.#run) return;
      this.state = 'idle';
      this.problem = problemOf(error);
    }
  }

  /** Reads frames of the playing video until a code is found or the scan is stopped. */
  async scan(video: HTMLVideoElement): Promise<void> {
    const run = this.#run;
    let decoder: FrameDecoder;
    try {
      decoder = await this.#io.makeDecoder();
    } catch {
      if (run === this.#run) {
        this.stop();
        this.problem = 'failed';
      }
      return;
    }
    while (run === this.#run && this.state === 'scanning') {
      const text = (await decoder.decode(video).catch(() => undefined))?.trim();
      if (run !== this.#run) return;
      if (text) {
        this.stop();
        this.#found(text);
        return;
      }
      await this.#io.pause(SCAN_INTERVAL_MS);
    }
  }

  /** Turns the camera off (the light goes out) and ends any scan. */
  stop(): void {
    this.#run++;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    this.state = 'idle';
  }

  reset(): void {
    this.stop();
    this.problem = undefined;
  }
}

/** The real camera: the back camera where there is one (a tablet or phone), any camera otherwise. */
export const browserScanIo: QrScanIo = {
  hasCamera: async () => {
    if (!navigator.mediaDevices?.getUserMedia || !navigator.mediaDevices.enumerateDevices) return false;
    return (await navigator.mediaDevices.enumerateDevices()).some((device) => device.kind === 'videoinput');
  },
  openCamera: () => {
    if (!navigator.mediaDevices?.getUserMedia) return Promise.reject(Object.assign(new Error('no mediaDevices'), { name: 'NotFoundError' }));
    return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  },
  makeDecoder: async () => (await import('./frame-decoder.ts')).makeFrameDecoder(),
  pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

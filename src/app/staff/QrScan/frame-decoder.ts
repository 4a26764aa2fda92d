/** Reads a QR code from what the camera shows now: its text, or undefined when it sees none. */
export interface FrameDecoder {
  decode(video: HTMLVideoElement): Promise<string | undefined>;
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * The browser's own BarcodeDetector where it has one that reads QR codes (Chrome on Android and
 * macOS, for instance); else a maintained decoder written in JavaScript (ZXing's port, loaded only
 * now, in its own chunk), which needs no WebAssembly and so no loosening of the CSP. Chromium on
 * Linux has no BarcodeDetector.
 */
export async function makeFrameDecoder(): Promise<FrameDecoder> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && (await Detector.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return { decode: async (video) => (await detector.detect(video))[0]?.rawValue };
  }
  const { zxingFrameDecoder } = await import('./zxing-decoder.ts');
  return zxingFrameDecoder();
}

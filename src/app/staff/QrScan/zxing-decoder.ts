// Only the QR reader's modules: the package's index brings every format (450 kB) into this chunk.
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap.js';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer.js';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader.js';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource.js';
import type { FrameDecoder } from './frame-decoder.ts';

/** Grey levels of RGBA pixels, as the decoder reads them (ITU-R BT.601 weights, in integers). */
export function luminances(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
  return grey;
}

/** ZXing's QR reader on a frame of the video drawn onto a canvas of its own. */
export function zxingFrameDecoder(): FrameDecoder {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const reader = new QRCodeReader();
  return {
    async decode(video) {
      const width = video.videoWidth;
      const height = video.videoHeight;
      if (!context || width === 0 || height === 0) return undefined;
      canvas.width = width;
      canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      const source = new RGBLuminanceSource(luminances(context.getImageData(0, 0, width, height).data, width, height), width, height);
      try {
        return reader.decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
      } catch {
        // No code in this frame (ZXing throws NotFound, Checksum or Format errors): try the next.
        return undefined;
      } finally {
        reader.reset();
      }
    },
  };
}

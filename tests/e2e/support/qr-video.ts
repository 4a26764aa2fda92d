import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
/** Pixels per module: a receipt held about 20 cm from a webcam. */
const SCALE = 8;
const QUIET_MODULES = 4;
/** Video-range luma: black and white as a camera delivers them. */
const BLACK = 16;
const WHITE = 235;

/**
 * A Y4M video (the format Chromium's fake camera plays, `--use-file-for-fake-video-capture`) of
 * `text` as a QR code, made as the receipt makes it (qrcode, error correction M): the code on a
 * white card in the middle of a grey scene. 4:2:0, so the chroma planes are neutral grey.
 */
export function writeQrVideo(path: string, text: string, frames = 5): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * QUIET_MODULES) * SCALE;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 128);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / SCALE) - QUIET_MODULES;
      const col = Math.floor(x / SCALE) - QUIET_MODULES;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
      luma[(top + y) * WIDTH + left + x] = dark ? BLACK : WHITE;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array<Buffer>(frames).fill(frame)]));
}

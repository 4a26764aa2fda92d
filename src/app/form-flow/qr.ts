import QRCode from 'qrcode';

/**
 * The reference as a QR code in SVG markup. Rendered to a string rather than a canvas so that it
 * prints sharply; qrcode's SVG has no style attributes, which the CSP would refuse.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

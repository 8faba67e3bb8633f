import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URL (crisp on thermal paper at any size, no canvas). Medium error
 * correction survives a crumpled ticket; the URL is short (origin + /t/<10-char code>).
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

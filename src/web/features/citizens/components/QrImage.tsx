/**
 * A share code's QR. The server sends an SVG document; it is shown as an image (data URL), so
 * nothing in it can run or reach the page's DOM, unlike markup injected with innerHTML.
 */
export function QrImage({ svg, alt, size = 180 }: { svg: string; alt: string; size?: number }) {
  const text = svg.trim();
  if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(text)) return null;
  return <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`} alt={alt} width={size} height={size} style={{ display: 'block', imageRendering: 'pixelated', background: 'white' }} data-testid="share-qr" />;
}

/** The Loket mark (the same drawing as public/icon.svg), decorative. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#3b5bdb" />
      <path d="M14 24h36v26H14z" fill="#fff" />
      <path d="M10 24l22-12 22 12z" fill="#fff" />
      <rect x="20" y="30" width="10" height="14" rx="2" fill="#3b5bdb" />
      <rect x="34" y="30" width="10" height="14" rx="2" fill="#3b5bdb" />
    </svg>
  );
}

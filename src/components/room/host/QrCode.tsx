import { useEffect, useState } from 'react';

/**
 * A QR code of `text`, drawn as one SVG path of square modules, dark on light whatever the theme
 * (phone cameras read that best), with the quiet zone of four modules the standard asks for. The
 * encoder (uqr) is fetched when the first code is drawn, so no page carries it before a room opens.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [modules, setModules] = useState<boolean[][] | null>(null);
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => {
      // Level L keeps the modules as large as the link allows: the back row reads them best.
      if (live) setModules(encode(text, { ecc: 'L', border: 0 }).data);
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!modules) return <div className="room-qr" aria-busy="true" />;
  const size = modules.length + 8;
  let d = '';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }),
  );
  return (
    <svg
      className="room-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

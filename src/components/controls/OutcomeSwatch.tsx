import type { ParticleShape } from '../../render/palette.ts';

/** The same shape and colour as the particles on the canvas, for the legend. */
export function OutcomeSwatch({ color, shape }: { color: string; shape: ParticleShape }) {
  return (
    <svg className="swatch" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
      {shape === 'dot' && <circle r="5" fill={color} />}
      {shape === 'ring' && <circle r="4.2" fill="none" stroke={color} strokeWidth="2" />}
      {shape === 'diamond' && (
        <path d="M0 -7 L7 0 L0 7 L-7 0 Z" fill={color} stroke="var(--particle-outline)" />
      )}
      {shape === 'square' && (
        <rect x="-5" y="-5" width="10" height="10" fill={color} stroke="var(--particle-outline)" />
      )}
      {shape === 'cross' && (
        <path
          d="M-5 -5 L5 5 M5 -5 L-5 5"
          stroke="var(--particle-outline)"
          strokeWidth="4.4"
          strokeLinecap="round"
        />
      )}
      {shape === 'cross' && (
        <path d="M-5 -5 L5 5 M5 -5 L-5 5" stroke={color} strokeWidth="2.8" strokeLinecap="round" />
      )}
      {shape === 'triangle' && <path d="M0 -6 L6 4 L-6 4 Z" fill={color} stroke="var(--particle-outline)" />}
    </svg>
  );
}

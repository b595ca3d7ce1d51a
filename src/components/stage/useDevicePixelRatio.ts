import { useEffect, useState } from 'react';

const ratio = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

/** The device pixel ratio, followed as it changes (zoom, a window moved to another screen). */
export function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(ratio);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const changed = () => setDpr(ratio());
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, [dpr]);
  return dpr;
}

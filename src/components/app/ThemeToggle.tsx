import { useEffect, useState } from 'react';

type Theme = 'auto' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { auto: 'light', light: 'dark', dark: 'auto' };
const KEY = 'cachescope-theme';

function stored(): Theme {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'auto';
  } catch {
    // Storage can be blocked (embedded in an iframe, private mode): follow the system.
    return 'auto';
  }
}

/** Cycles system / light / dark. "System" leaves it to prefers-color-scheme. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(stored);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      if (theme === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, theme);
    } catch {
      // Not persisting is fine.
    }
  }, [theme]);
  const label = theme === 'auto' ? 'system' : theme;
  return (
    <button
      type="button"
      className="btn"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`Theme: ${label}. Switch theme`}
      title="Switch between system, light and dark themes"
    >
      <span aria-hidden="true">◐</span> {label}
    </button>
  );
}

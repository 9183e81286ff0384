import { setTheme } from '@fluentui/web-components';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';

/**
 * The page looks like Teams in its three themes: Fluent's Teams themes set the design tokens
 * (CSS custom properties) that the components and tab.css read. Inside Teams the theme follows
 * Teams; outside, ?theme= or the system's settings (dark mode, forced colours).
 */
export type ThemeName = 'light' | 'dark' | 'contrast';

const THEMES = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;
const listeners = new Set<(theme: ThemeName) => void>();
let current: ThemeName = 'light';

export function applyTheme(name: ThemeName): void {
  current = name;
  setTheme(THEMES[name]);
  document.documentElement.dataset.theme = name;
  document.documentElement.style.colorScheme = name === 'light' ? 'light' : 'dark';
  for (const listener of listeners) listener(name);
}

export const currentTheme = (): ThemeName => current;

/** Charts draw with the theme's colours, so they are drawn again when it changes. */
export function onThemeChange(listener: (theme: ThemeName) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Teams says "default", "dark", "contrast" (and "glass" in some hosts, a light look). */
export const themeOfTeams = (theme: string | undefined): ThemeName => (theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light');

function systemTheme(): ThemeName {
  if (matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Outside Teams: ?theme=light|dark|contrast wins; otherwise the system's, followed as it changes. */
export function followPageTheme(asked: string | null): void {
  if (asked === 'light' || asked === 'dark' || asked === 'contrast') return applyTheme(asked);
  applyTheme(systemTheme());
  for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
    matchMedia(query).addEventListener('change', () => applyTheme(systemTheme()));
  }
}

/** A design token's current value, e.g. token('colorBrandBackground'). */
export function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
}

import type { app } from '@microsoft/teams-js';

/**
 * Where the page runs and how it signs in. Inside Teams: the Teams JavaScript client library,
 * whose getAuthToken gives an Entra token for Tavla (single sign-on; Teams caches and renews it,
 * so it is asked for on every call rather than kept here). Outside Teams, in local mode: the
 * session a sign-in link put in the address's fragment, kept for this browser tab only.
 *
 * The library is loaded only when there is no local session: outside Teams it would otherwise
 * reach for Microsoft's CDN on load.
 */
export type TeamsLibrary = typeof import('@microsoft/teams-js');

export type Host =
  | { readonly kind: 'teams'; readonly teams: TeamsLibrary; readonly context: app.Context; token(renew: boolean): Promise<string> }
  | { readonly kind: 'local'; token(renew: boolean): Promise<string> }
  | { readonly kind: 'none' };

const SESSION_KEY = 'tavla.session';
/** Outside Teams the library never answers; after this long the page stops waiting. */
const TEAMS_WAIT_MS = 4_000;

/** A session from a local sign-in link: taken out of the fragment at once, so it is not bookmarked or shared. */
function localSession(): string | undefined {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromLink = fragment.get('session');
  if (fromLink) {
    sessionStorage.setItem(SESSION_KEY, fromLink);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromLink;
  }
  return sessionStorage.getItem(SESSION_KEY) ?? undefined;
}

async function inTeams(teams: TeamsLibrary): Promise<app.Context | undefined> {
  let timer: number | undefined;
  const giveUp = new Promise<undefined>((resolve) => {
    timer = window.setTimeout(() => resolve(undefined), TEAMS_WAIT_MS);
  });
  try {
    return await Promise.race([teams.app.initialize().then(() => teams.app.getContext()), giveUp]);
  } catch {
    return undefined;
  } finally {
    window.clearTimeout(timer);
  }
}

export async function connectHost(): Promise<Host> {
  const session = localSession();
  if (session) return { kind: 'local', token: async () => session };
  const teams = await import('@microsoft/teams-js');
  const context = await inTeams(teams);
  if (!context) return { kind: 'none' };
  return { kind: 'teams', teams, context, token: () => teams.authentication.getAuthToken() };
}

/** Teams' theme changes while the tab is open; outside Teams there is nothing to follow here. */
export function followTeamsTheme(host: Host, onChange: (theme: string) => void): void {
  if (host.kind === 'teams') host.teams.app.registerOnThemeChangeHandler(onChange);
}

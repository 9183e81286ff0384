import './components';
import type { MeDto } from '../../../src/tab/contract';
import { ApiError, createApi } from './api';
import { fill, h } from './dom';
import { Host, connectHost, followTeamsTheme } from './host';
import { chooseLocale, setLocale, setTimeZone, tr } from './i18n';
import { applyTheme, followPageTheme, themeOfTeams } from './theme';
import { configPage } from './views/configPage';
import { PersonalPage } from './views/personalPage';
import { UnitPage } from './views/unitPage';

/**
 * The tab's page: ?view=personal (my units and my items), ?view=channel (the board of the unit
 * linked to the channel Teams says the tab is in) or ?view=config (the channel tab's set-up).
 */
const query = new URLSearchParams(location.search);
const root = document.getElementById('app') as HTMLElement;

function message(...lines: string[]): void {
  fill(root, h('div', { class: 'notice', role: 'alert' }, ...lines.map((line) => h('p', {}, line))));
}

function teamsLocale(host: Host): string | undefined {
  return host.kind === 'teams' ? host.context.app.locale : undefined;
}

async function start(): Promise<void> {
  fill(root, h('fluent-spinner', { size: 'medium', 'aria-label': tr('tab.loading') }));
  const host = await connectHost();
  if (host.kind === 'teams') {
    applyTheme(themeOfTeams(host.context.app.theme));
    followTeamsTheme(host, (theme) => applyTheme(themeOfTeams(theme)));
  } else {
    followPageTheme(query.get('theme'));
  }
  const asked = query.get('locale') ?? teamsLocale(host);
  if (asked) setLocale(chooseLocale(asked));
  if (host.kind === 'none') return message(tr('tab.notInTeams'), tr('tab.localSignIn'));

  const api = createApi((renew) => host.token(renew));
  // Inside Teams the channel comes from Teams' context; outside, only a local demo may name one.
  const channel = host.kind === 'teams' ? host.context.channel?.id : query.get('channel');
  let me: MeDto;
  try {
    me = await api.get<MeDto>(`/me${channel ? `?channel=${encodeURIComponent(channel)}` : ''}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return message(tr('tab.signedOut'), host.kind === 'local' ? tr('tab.localSignIn') : tr('tab.ssoFailed', { reason: error.refusal.error }));
    if (error instanceof ApiError) return message(error.refusal.message);
    // getAuthToken refuses with a string such as "resourceDisabled" when single sign-on is not set up.
    return message(tr('tab.ssoFailed', { reason: error instanceof Error ? error.message : String(error) }));
  }
  if (!asked) setLocale(me.language);
  setTimeZone(me.timeZone);

  const view = query.get('view') ?? 'personal';
  if (view === 'config') return fill(root, configPage(me, host.kind === 'teams' ? host.teams : undefined));
  if (view === 'channel') {
    const unit = me.channel?.unit;
    if (!unit) return message(me.channel?.linked ? tr('tab.channelNotYours') : tr('tab.channelNotLinked'));
    const page = new UnitPage(api, unit);
    fill(root, page.element);
    return page.start();
  }
  const personal = new PersonalPage(api, me);
  fill(root, personal.element);
  await personal.start(query.get('unit'));
}

start().catch((error: unknown) => message(tr('error.unexpected'), error instanceof Error ? error.message : String(error)));

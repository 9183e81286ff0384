import type { MeDto } from '../../../../src/tab/contract';
import { h } from '../dom';
import { TeamsLibrary } from '../host';
import { tr } from '../i18n';

/**
 * The channel tab's configuration page, shown by Teams when the tab is added to a channel. It
 * says which unit the channel is linked to (the tab shows that unit's board) and saves a content
 * URL that carries no ids: the tab learns its channel from Teams' context each time it opens.
 */
export function configPage(me: MeDto | undefined, teams: TeamsLibrary | undefined): HTMLElement {
  const linked = me?.channel?.unit;
  const text = linked ? tr('tab.configLinked', { unit: linked.name }) : me?.channel?.linked ? tr('tab.channelNotYours') : tr('tab.channelNotLinked');
  if (teams) registerSave(teams);
  return h('section', { class: 'config' }, h('h1', {}, tr('tab.tabName')), h('p', {}, tr('tab.configIntro')), h('p', {}, text));
}

function registerSave({ pages }: TeamsLibrary): void {
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({
        entityId: 'tavla-board',
        contentUrl: `${location.origin}/tab/index.html?view=channel`,
        suggestedDisplayName: tr('tab.tabName'),
      })
      .then(
        () => save.notifySuccess(),
        (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  // The tab can be added before the channel is linked; it says so until then.
  pages.config.setValidityState(true);
}

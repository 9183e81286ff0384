import * as restify from 'restify';
import { unitsVisibleTo } from '../../domain/access';
import { entryOf } from '../../domain/board';
import { localDate } from '../../domain/dates';
import { ValidationError } from '../../domain/errors';
import { IDEA_STATUSES } from '../../domain/ideas';
import { unitForChannel } from '../../domain/organisation';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n';
import { Clock } from '../../ports/clock';
import { IdeaBoard } from '../../services/ideas/ideaBoard';
import { IdeaChanges } from '../../services/ideas/ideaChanges';
import { StaleCardError } from '../../services/ideas/ideaErrors';
import { IdeaViews } from '../../services/ideas/ideaViews';
import { UnitPictures } from '../../services/rhythm/unitPicture';
import { RefusalDto } from '../contract';
import { ApiAnswer, ApiRequest, ApiRouteDeps, apiRoute } from './apiRoute';
import { changeOf, channelOf, commentOf, ideaRefOf, pageOf, unitIdOf } from './requests';
import { boardDto, cardDto, closedDto, itemDto, meDto, mineDto, pictureDto } from './views';

export interface TabApiDeps extends ApiRouteDeps {
  readonly ideaViews: IdeaViews;
  readonly ideaChanges: IdeaChanges;
  readonly board: IdeaBoard;
  readonly pictures: UnitPictures;
  readonly clock: Clock;
}

export const API = '/tab/api';

/** The tab's JSON API. Every route authenticates first (apiRoute), then parses, then asks the services. */
export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const route = (name: string, handler: (request: ApiRequest) => Promise<ApiAnswer>, options?: { body?: boolean }) => apiRoute(deps, name, handler, options);

  server.get(`${API}/me`, route('me', async ({ principal, query }) => {
    const channel = channelOf(query);
    const { access, org } = await deps.directory.accessOf(principal.person);
    const units = unitsVisibleTo(access, org);
    const linked = channel ? unitForChannel(org, channel) : undefined;
    // A channel's unit is named only to those who may see its board.
    const visible = linked && units.some((unit) => unit.id === linked.id) ? linked : undefined;
    return { body: meDto(access, units, org.settings, channel ? { linked: !!linked, ...(visible ? { unit: visible } : {}) } : undefined) };
  }));

  server.get(`${API}/mine`, route('mine', async ({ principal }) => ({ body: mineDto(await deps.ideaViews.myItems(principal.person), principal.person.aadObjectId) })));

  server.get(`${API}/units/:unitId/board`, route('board', async ({ principal, params }) => {
    const view = await deps.board.columns(principal.person, unitIdOf(params));
    return { body: boardDto(view, principal.person.aadObjectId) };
  }));

  server.get(`${API}/units/:unitId/closed`, route('closed', async ({ principal, params, query }) => {
    const unitId = unitIdOf(params);
    const view = await deps.ideaViews.closedThisQuarter(principal.person, unitId, pageOf(query));
    return { body: closedDto(view, view.to, principal.person.aadObjectId) };
  }));

  server.get(`${API}/units/:unitId/picture`, route('picture', async ({ principal, params }) => ({ body: pictureDto(await deps.pictures.picture(principal.person, unitIdOf(params))) })));

  server.get(`${API}/units/:unitId/ideas/:number`, route('item', async ({ principal, params }) => {
    const { unitId, number } = ideaRefOf(params);
    return { body: itemDto(await deps.ideaViews.item(principal.person, unitId, number)) };
  }));

  server.post(`${API}/units/:unitId/ideas/:number/changes`, route('change', async ({ principal, params, body, locale }) => {
    const { target, command } = changeOf(ideaRefOf(params), body);
    try {
      const { idea } = await deps.ideaChanges.apply(principal.person, target, command);
      return { body: { unitId: idea.unitId, number: idea.number, status: idea.status, version: idea.version } };
    } catch (error) {
      if (error instanceof StaleCardError) {
        // Someone else changed it since the page was drawn: say who and when, and show it as it is.
        const { org } = await deps.directory.accessOf(principal.person);
        const unit = org.units.find((u) => u.id === target.unitId);
        const { by, at } = error.current.lastChange;
        const refusal: RefusalDto = {
          error: 'staleCard',
          message: t(locale, 'item.changedBy', { name: by.name, time: formatTime(locale, at, org.settings.timeZone) }),
          ...(unit ? { current: cardDto(entryOf(error.current, localDate(deps.clock.now(), org.settings.timeZone)), unit, principal.person.aadObjectId, []) } : {}),
        };
        return { status: 409, body: refusal };
      }
      const invalidMove = command.kind === 'move' && error instanceof ValidationError && error.issues.some((issue) => issue.field === 'to');
      const status = IDEA_STATUSES.find((s) => command.kind === 'move' && s === command.to);
      if (invalidMove && status) return { status: 422, body: { error: 'invalid', message: t(locale, 'tab.invalidMove', { status: t(locale, `status.${status}`) }), fields: { to: t(locale, 'tab.invalidMove', { status: t(locale, `status.${status}`) }) } } satisfies RefusalDto };
      throw error;
    }
  }, { body: true }));

  server.post(`${API}/units/:unitId/ideas/:number/comments`, route('comment', async ({ principal, params, body }) => {
    const ref = ideaRefOf(params);
    await deps.ideaChanges.comment(principal.person, ref, commentOf(body));
    return { status: 201, body: { unitId: ref.unitId, number: ref.number } };
  }, { body: true }));
}

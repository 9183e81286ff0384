import { resolve } from 'node:path';
import * as restify from 'restify';
import { Country } from '../domain/organisation';
import { Person } from '../domain/people';
import { HolidayCheck } from '../domain/schedule';
import { DEFAULT_STAGNATION } from '../domain/stagnation';
import { Clock } from '../ports/clock';
import { IdGenerator } from '../ports/ids';
import { Logger } from '../ports/logger';
import { BenefitRepository } from '../ports/benefitRepository';
import { IdeaRepository } from '../ports/ideaRepository';
import { MeetingRepository } from '../ports/meetingRepository';
import { PeopleRepository } from '../ports/peopleRepository';
import { IdeaBoard } from '../services/ideas/ideaBoard';
import { IdeaChanges } from '../services/ideas/ideaChanges';
import { IdeaContexts } from '../services/ideas/ideaContext';
import { IdeaViews } from '../services/ideas/ideaViews';
import { OrganisationDirectory } from '../services/organisationDirectory';
import { UnitPictures } from '../services/rhythm/unitPicture';
import { registerTabApi } from './api/routes';
import { entraAuthenticator } from './auth/entraTokens';
import { LocalSignIn } from './auth/localSignIn';
import { TabAuthenticator } from './auth/principal';
import { OpenIdSigningKeys } from './auth/signingKeys';
import { LOCAL_SIGN_IN_PATH, SignInLink, localSignInRoute, signInLinks } from './localSignInRoute';
import { staticAssets } from './static/assets';
import { pageHeaders } from './static/securityHeaders';

/** How tab requests sign in: Teams single sign-on (production), or demo links (local mode). */
export type TabAuthentication =
  | { readonly kind: 'local' }
  | { readonly kind: 'entra'; readonly openIdMetadataUrl: string; readonly audiences: readonly string[]; readonly allowedTenantIds: readonly string[] };

export interface TabOptions {
  readonly authentication: TabAuthentication;
  readonly services: { readonly directory: OrganisationDirectory; readonly ideaViews: IdeaViews; readonly ideaChanges: IdeaChanges };
  readonly repositories: { readonly ideas: IdeaRepository; readonly benefits: BenefitRepository; readonly meetings: MeetingRepository; readonly people: PeopleRepository };
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly holidays: (country: Country) => HolidayCheck;
  /** STAGNATION_WEEKS, as the weekly digest uses it. */
  readonly stagnationWeeks: number;
  /** Where the built page is; build/tab by default. */
  readonly assetsDir?: string;
}

export interface Tab {
  /** Adds the tab's routes (page, API, and in local mode the sign-in link) to the bot's server. */
  register(server: restify.Server): void;
  /** Local mode: a sign-in link per person, for the console. Absent in production. */
  readonly signInLinks?: (baseUrl: string, people: readonly Person[]) => Promise<SignInLink[]>;
}

/** The tab's token audiences: the app id (v2 tokens) and its application ID URI (v1 tokens). */
export function tabAudiences(appId: string, domain: string | undefined): string[] {
  return [appId, ...(domain ? [`api://${domain}/botid-${appId}`] : [])];
}

/** src/tab and dist/tab both sit two folders below the repository. */
export const DEFAULT_ASSETS_DIR = resolve(__dirname, '..', '..', 'build', 'tab');

/** The improvement board as a Teams tab: an HTTP adapter beside the bot, over the same services. */
export function createTab(options: TabOptions): Tab {
  const { authentication, services, repositories, clock, logger } = options;
  const contexts = new IdeaContexts(services.directory, repositories.people, clock, options.ids);
  const board = new IdeaBoard(repositories.ideas, contexts);
  const pictures = new UnitPictures(repositories.ideas, repositories.benefits, repositories.meetings, contexts, options.holidays, { ...DEFAULT_STAGNATION, quietWeeks: options.stagnationWeeks });
  // Tokens live in wall-clock time, whatever the business clock says (tests move that one).
  const localSignIn = authentication.kind === 'local' ? new LocalSignIn() : undefined;
  const authenticate: TabAuthenticator = localSignIn
    ? localSignIn.authenticate
    : (() => {
        const entra = authentication as Extract<TabAuthentication, { kind: 'entra' }>;
        const keys = new OpenIdSigningKeys(entra.openIdMetadataUrl);
        return entraAuthenticator((kid) => keys.key(kid), { audiences: entra.audiences, allowedTenantIds: entra.allowedTenantIds });
      })();
  const mode = localSignIn ? 'local' : 'production';
  const assets = staticAssets(options.assetsDir ?? DEFAULT_ASSETS_DIR, (type) => (type.startsWith('text/html') ? pageHeaders(mode) : { 'X-Content-Type-Options': 'nosniff' }));
  return {
    register(server) {
      registerTabApi(server, { authenticate, directory: services.directory, ideaViews: services.ideaViews, ideaChanges: services.ideaChanges, board, pictures, clock, logger });
      // The sign-in route exists in local mode only; in production the path is simply not found.
      if (localSignIn) server.get(LOCAL_SIGN_IN_PATH, localSignInRoute(localSignIn, logger));
      server.get('/tab', async (_req: restify.Request, res: restify.Response) => {
        res.header('Location', '/tab/index.html');
        res.send(302);
      });
      server.get('/tab/:file', assets);
    },
    ...(localSignIn ? { signInLinks: (baseUrl: string, people: readonly Person[]) => signInLinks(localSignIn, baseUrl, people) } : {}),
  };
}

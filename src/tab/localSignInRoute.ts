import * as restify from 'restify';
import { isUnitId } from '../domain/ids';
import { Person } from '../domain/people';
import { Logger } from '../ports/logger';
import { LocalSignIn } from './auth/localSignIn';
import { TabAuthError } from './auth/principal';

export const LOCAL_SIGN_IN_PATH = '/tab/local/signin';

/** What a sign-in link may pass on to the page, each checked by shape. */
const PASSED_ON: Readonly<Record<string, RegExp | ((value: string) => boolean)>> = {
  view: /^(personal|channel|config)$/,
  unit: isUnitId,
  channel: /^\d{2}:[A-Za-z0-9_.@=-]{1,400}$/,
  locale: /^(nb|da|en)$/,
  theme: /^(light|dark|contrast)$/,
};

const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d{1,5})?$/;

/**
 * Both ends on loopback: the caller's address, and the Host it asked for (a web page elsewhere
 * cannot send a browser here under another name: DNS rebinding).
 */
function fromLoopback(req: restify.Request): boolean {
  return LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '') && LOOPBACK_HOST.test(req.headers.host ?? '');
}

function passedOn(query: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [name, check] of Object.entries(PASSED_ON)) {
    const value = query.get(name);
    if (value !== null && (typeof check === 'function' ? check(value) : check.test(value))) kept.set(name, value);
  }
  if (!kept.has('view')) kept.set('view', 'personal');
  return kept.toString();
}

/**
 * GET /tab/local/signin?ticket=…: local mode only (never registered in production). Trades the
 * link's ticket for a session token and sends the browser to the page with it in the fragment,
 * which the browser keeps to itself: it reaches neither server logs nor Referer headers.
 */
export function localSignInRoute(signIn: LocalSignIn, logger: Logger) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    res.header('Cache-Control', 'no-store');
    if (!fromLoopback(req)) return void res.send(403, { error: 'forbidden', message: 'Local sign-in works on 127.0.0.1 only.' });
    const query = new URL(req.url ?? '/', 'http://tab').searchParams;
    try {
      const session = await signIn.session(query.get('ticket') ?? '');
      res.header('Location', `/tab/index.html?${passedOn(query)}#session=${session}`);
      res.send(303);
    } catch (error) {
      logger.info({ route: 'localSignIn', status: 401, why: error instanceof TabAuthError ? error.why : 'failed' }, 'tab request refused');
      res.send(401, { error: 'unauthorized', message: 'This sign-in link is not valid any more (Tavla was restarted?). Use a link printed by the running Tavla.' });
    }
  };
}

export interface SignInLink {
  readonly person: Person;
  readonly url: string;
}

export async function signInLinks(signIn: LocalSignIn, baseUrl: string, people: readonly Person[]): Promise<SignInLink[]> {
  return Promise.all(people.map(async (person) => ({ person, url: `${baseUrl}${LOCAL_SIGN_IN_PATH}?ticket=${await signIn.ticket(person)}` })));
}

import { randomBytes } from 'node:crypto';
import { JWTPayload, SignJWT, jwtVerify } from 'jose';
import { Person } from '../../domain/people';
import { TabAuthError, TabAuthenticator, bearerToken } from './principal';

/**
 * Demo sign-in for local mode, where there is no Teams and no Entra. `npm start` prints a link per
 * demo person; the link carries a ticket signed with a secret made when the process starts, so a
 * link stops working when Tavla restarts. Opening it on loopback trades the ticket for a short
 * session token, which the page keeps for its browser tab and sends as a bearer token.
 *
 * None of this is wired in production mode: the route does not exist there, and the tab's API
 * accepts only Entra tokens.
 */

const ISSUER = 'tavla-local';
const LINK = 'tavla-local-link';
const SESSION = 'tavla-local-session';
/** Links are printed once at start; they outlive a working day, the process's secret does not. */
export const LINK_LIFETIME_SECONDS = 24 * 3600;
/** A session lasts a working day; opening the link again starts a new one. */
export const SESSION_LIFETIME_SECONDS = 8 * 3600;

export class LocalSignIn {
  private readonly secret = randomBytes(32);
  /** The people links were made for: tokens carry only the id, so links stay short. */
  private readonly people = new Map<string, Person>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** A ticket that signs in as `person` (the query of the printed link). */
  ticket(person: Person): Promise<string> {
    this.people.set(person.aadObjectId, person);
    return this.sign(person, LINK, LINK_LIFETIME_SECONDS);
  }

  /** The ticket of a link, traded for a session token; throws TabAuthError when it is not one of ours or has expired. */
  async session(ticket: string): Promise<string> {
    const person = await this.verify(ticket, LINK);
    return this.sign(person, SESSION, SESSION_LIFETIME_SECONDS);
  }

  /** Checks a session token sent as a bearer token. */
  readonly authenticate: TabAuthenticator = async (authorization) => ({ person: await this.verify(bearerToken(authorization), SESSION) });

  private sign(person: Person, audience: string, lifetimeSeconds: number): Promise<string> {
    const now = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(person.aadObjectId)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.secret);
  }

  private async verify(token: string, audience: string): Promise<Person> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER, audience, currentDate: this.now() }));
    } catch {
      throw new TabAuthError(401, 'local sign-in not valid');
    }
    const person = this.people.get(payload.sub ?? '');
    if (!person) throw new TabAuthError(401, 'local sign-in for nobody known');
    return person;
  }
}

import assert from 'node:assert/strict';
import { LINK_LIFETIME_SECONDS, LocalSignIn, SESSION_LIFETIME_SECONDS } from '../../src/tab/auth/localSignIn';
import { TabAuthError } from '../../src/tab/auth/principal';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';

describe('local demo sign-in', () => {
  const start = new Date('2026-11-20T08:00:00.000Z');
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const refused = (error: unknown) => error instanceof TabAuthError && error.status === 401;

  it('trades a link’s ticket for a session for the person the link was made for', async () => {
    let now = start;
    const signIn = new LocalSignIn(() => now);
    const session = await signIn.session(await signIn.ticket(DEMO_PEOPLE.ola));
    assert.deepEqual((await signIn.authenticate(`Bearer ${session}`)).person, DEMO_PEOPLE.ola);
    now = later(SESSION_LIFETIME_SECONDS + 1);
    await assert.rejects(signIn.authenticate(`Bearer ${session}`), refused, 'an expired session');
  });

  it('refuses an expired link, a session offered as a ticket, and tokens of another process', async () => {
    let now = start;
    const signIn = new LocalSignIn(() => now);
    const ticket = await signIn.ticket(DEMO_PEOPLE.kari);
    const session = await signIn.session(ticket);
    await assert.rejects(signIn.session(session), refused, 'a session is not a ticket');
    await assert.rejects(signIn.authenticate(`Bearer ${ticket}`), refused, 'a ticket is not a session');
    const restarted = new LocalSignIn(() => now);
    await assert.rejects(restarted.authenticate(`Bearer ${session}`), refused, 'a new secret after a restart');
    now = later(LINK_LIFETIME_SECONDS + 1);
    await assert.rejects(signIn.session(ticket), refused, 'an expired link');
  });
});

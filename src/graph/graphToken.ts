import { createPrivateKey, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ClientAssertionCredential, ClientSecretCredential, ManagedIdentityCredential, TokenCredential } from '@azure/identity';
import { SignJWT } from 'jose';
import { BotCredentials } from '../config';

/** An app-only Microsoft Graph access token, for the tenant a request concerns. */
export type GraphTokenSource = (tenantId: string) => Promise<string>;

/** `https://graph.microsoft.com/.default` for the public cloud: the permissions granted to the app. */
export const graphScope = (graphBaseUrl: string): string => `${new URL(graphBaseUrl).origin}/.default`;

/**
 * A certificate credential from what the bot is configured with (thumbprint and private key, as
 * botbuilder uses them): a client assertion signed with the key, carrying the thumbprint as x5t,
 * which is how Entra ID finds the certificate registered on the app.
 */
export function certificateAssertion(bot: Extract<BotCredentials, { kind: 'certificate' }>, tenantId: string): () => Promise<string> {
  let key: ReturnType<typeof createPrivateKey> | undefined;
  const x5t = Buffer.from(bot.thumbprint, 'hex').toString('base64url');
  const audience = `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`;
  return async () => {
    key ??= createPrivateKey(readFileSync(bot.privateKeyFile, 'utf8'));
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', x5t })
      .setIssuer(bot.appId)
      .setSubject(bot.appId)
      .setAudience(audience)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 600)
      .sign(key);
  };
}

function credentialFor(bot: BotCredentials, tenantId: string): TokenCredential {
  switch (bot.kind) {
    case 'secret':
      return new ClientSecretCredential(tenantId, bot.appId, bot.password);
    case 'certificate':
      return new ClientAssertionCredential(tenantId, bot.appId, certificateAssertion(bot, tenantId));
    case 'managedIdentity':
      return new ManagedIdentityCredential({ clientId: bot.appId });
  }
}

/**
 * Graph tokens with the bot's own identity (client secret, certificate or managed identity) through
 * @azure/identity, which caches and renews them. A single-tenant app gets tokens from its home
 * tenant; a multi-tenant app from the tenant of the person concerned, where an administrator has
 * granted it TeamsAppInstallation.ReadWriteSelfForUser.All.
 */
export function graphTokenSource(bot: BotCredentials, graphBaseUrl: string): GraphTokenSource {
  const scope = graphScope(graphBaseUrl);
  const credentials = new Map<string, TokenCredential>();
  return async (tenantId) => {
    const tenant = bot.kind === 'managedIdentity' || !bot.multiTenant ? (bot.tenantId ?? tenantId) : tenantId;
    let credential = credentials.get(tenant);
    if (!credential) credentials.set(tenant, (credential = credentialFor(bot, tenant)));
    const token = await credential.getToken(scope);
    if (!token?.token) throw new Error('Microsoft Entra ID gave no Graph token');
    return token.token;
  };
}

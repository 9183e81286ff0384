import { readFileSync } from 'node:fs';
import { Activity, CallerIdConstants, ConfigurationServiceClientCredentialFactory, InvokeResponse, TurnContext } from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  CertificateServiceClientCredentialsFactory,
  ConnectorClientOptions,
  ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, BotCredentials, InboundAuthentication } from '../config';

function credentialsFactory(bot: BotCredentials): ServiceClientCredentialsFactory {
  switch (bot.kind) {
    case 'secret':
      return new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: bot.appId,
        MicrosoftAppPassword: bot.password,
        MicrosoftAppType: bot.multiTenant ? 'MultiTenant' : 'SingleTenant',
        ...(bot.tenantId ? { MicrosoftAppTenantId: bot.tenantId } : {}),
      });
    case 'certificate':
      return new CertificateServiceClientCredentialsFactory(bot.appId, bot.thumbprint, readFileSync(bot.privateKeyFile, 'utf8'), bot.tenantId);
    case 'managedIdentity':
      return new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: bot.appId,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: bot.tenantId,
      });
  }
}

/**
 * The public cloud's values, with the OpenID metadata from the configuration. botbuilder switches
 * to "parameterized" mode as soon as one of these is given and then leaves the others empty (and
 * refuses every token, valid ones included), so all seven are passed together.
 */
function cloudSettings(inbound: InboundAuthentication) {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: inbound.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Teams is the only channel Tavla serves; signing keys that list endorsements must endorse it. */
const TEAMS_CHANNEL = 'msteams';

/**
 * The Bot Framework adapter, split so the HTTP edge can authenticate from the headers alone before
 * it reads the body, and then run the turn with that result (botbuilder's own `process` parses
 * the body first and answers 500 for several kinds of forged token).
 */
export class TavlaAdapter extends TeamsAdapter {
  /** Checks the Authorization header: signature, issuer, audience, lifetime. Throws when refused. */
  async authenticate(authorizationHeader: string): Promise<AuthenticateRequestResult> {
    // No serviceUrl here: the edge compares the token's serviceurl claim with the body once it is read.
    const headerOnly: Partial<Activity> = { channelId: TEAMS_CHANNEL };
    return this.botFrameworkAuthentication.authenticateRequest(headerOnly as Activity, authorizationHeader);
  }

  /** Runs the turn for an activity whose request was authenticated by {@link authenticate}. */
  runTurn(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** The service URL the Bot Framework put in the token; replies may only go there. */
export function serviceUrlClaim(authenticated: AuthenticateRequestResult): string | undefined {
  return authenticated.claimsIdentity.getClaimValue(AuthenticationConstants.ServiceUrlClaim) ?? undefined;
}

/**
 * The Bot Framework adapter. Without credentials (local mode) it accepts unauthenticated requests
 * and calls the connector without tokens, which is what the Agents Playground expects.
 * `connectorOptions` changes how it calls the connector: replies and proactive sends each pass
 * an HTTP client that does not retry by itself (see connectorSender.ts).
 */
export function createAdapter(
  bot: BotCredentials | undefined,
  connectorOptions?: ConnectorClientOptions,
  inbound: InboundAuthentication = { openIdMetadataUrl: BOT_FRAMEWORK_OPENID_METADATA_URL },
): TavlaAdapter {
  if (!bot) return new TavlaAdapter(undefined, undefined, undefined, connectorOptions);
  const tenant = bot.kind === 'managedIdentity' || !bot.multiTenant ? bot.tenantId : undefined;
  return new TavlaAdapter(
    { MicrosoftAppId: bot.appId, ...(tenant ? { MicrosoftAppTenantId: tenant } : {}), ...cloudSettings(inbound) },
    credentialsFactory(bot),
    undefined,
    connectorOptions,
  );
}

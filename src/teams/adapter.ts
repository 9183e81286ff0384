import { readFileSync } from 'node:fs';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { CertificateServiceClientCredentialsFactory, ConnectorClientOptions, ServiceClientCredentialsFactory } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { BotCredentials } from '../config';

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
 * The Bot Framework adapter. Without credentials (local mode) it accepts unauthenticated requests
 * and calls the connector without tokens, which is what the Agents Playground expects.
 * `connectorOptions` changes how it calls the connector: the proactive sender passes options that
 * turn the SDK's own retries off, because the delivery worker retries at Teams' pace.
 */
export function createAdapter(bot: BotCredentials | undefined, connectorOptions?: ConnectorClientOptions): TeamsAdapter {
  if (!bot) return new TeamsAdapter(undefined, undefined, undefined, connectorOptions);
  const tenant = bot.kind === 'managedIdentity' || !bot.multiTenant ? bot.tenantId : undefined;
  return new TeamsAdapter({ MicrosoftAppId: bot.appId, ...(tenant ? { MicrosoftAppTenantId: tenant } : {}) }, credentialsFactory(bot), undefined, connectorOptions);
}

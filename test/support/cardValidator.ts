import { chartIssues, isKnownChartNotice } from './teamsCharts';

/* Microsoft's own Adaptive Cards parser, with the Teams host config, as the judge of every card. */
// The package's main entry is extensionless ESM that Node 20 cannot require; the UMD bundle works without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const teamsHostConfig = require('adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json') as object;

interface ValidationEvent {
  readonly message: string;
}

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    hostConfig: unknown;
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  HostConfig: new (json: object) => unknown;
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(index: number): ValidationEvent };
  Versions: { v1_5: unknown };
}

/**
 * Every problem Microsoft's parser reports for `card` at schema 1.5 under Teams' host config. Teams'
 * chart elements, unknown to the parser, are checked by teamsCharts.ts instead; their fallbacks
 * are parsed and validated here like any element.
 */
export function cardIssues(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = new AC.HostConfig(teamsHostConfig);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const issues: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const { message } = context.getEventAt(i);
    if (!isKnownChartNotice(message)) issues.push(message);
  }
  issues.push(...chartIssues(card));
  issues.push(...parsed.validateProperties().validationEvents.map((event) => event.message));
  const json = JSON.stringify(card);
  if (json.includes('${')) issues.push(`unresolved template expression: ${json.slice(json.indexOf('${'), json.indexOf('${') + 60)}`);
  if ((card as { version?: string }).version !== '1.5') issues.push('card version is not 1.5');
  if (Buffer.byteLength(json) > 28 * 1024) issues.push(`card is ${Buffer.byteLength(json)} bytes; Teams messages must stay well under 80 KB`);
  return issues;
}

import { Locale } from '../domain/locale';
import { t } from '../i18n';
import { AdaptiveCardJson } from './renderer';

interface Mentioned {
  readonly aadObjectId: string;
  /** The name Teams shows for the mention; empty when unknown. */
  readonly name: string;
}

/** `<at>` text may not contain angle brackets; a name is one line. */
const mentionName = (name: string, locale: Locale): string => name.replace(/[<>\r\n]/g, '').trim() || t(locale, 'reach.someone');

/**
 * A card meant for one person, made fit for their unit's channel: a first line that @mentions
 * them, so Teams notifies them, and says why it is not in their personal chat. Teams accepts an
 * Entra object id as the mention id in an Adaptive Card (`msteams.entities`), and the `<at>` text
 * in a TextBlock must match the entity's text exactly.
 */
export function withMention(card: Readonly<Record<string, unknown>>, person: Mentioned, locale: Locale): AdaptiveCardJson {
  const name = mentionName(person.name, locale);
  const at = `<at>${name}</at>`;
  const msteams = typeof card.msteams === 'object' && card.msteams !== null ? (card.msteams as Record<string, unknown>) : {};
  const entities = Array.isArray(msteams.entities) ? (msteams.entities as unknown[]) : [];
  const body = Array.isArray(card.body) ? (card.body as unknown[]) : [];
  return {
    ...card,
    type: 'AdaptiveCard',
    version: typeof card.version === 'string' ? card.version : '1.5',
    body: [{ type: 'TextBlock', text: t(locale, 'reach.mentionIntro', { name: at }), wrap: true }, ...body],
    msteams: { ...msteams, entities: [...entities, { type: 'mention', text: at, mentioned: { id: person.aadObjectId, name } }] },
  };
}

import { Locale } from '../domain/locale';
import { PeopleRepository } from '../ports/peopleRepository';

/**
 * The language of a proactive card for one person: their own Teams language, remembered from
 * their last activity (People.locale), else the organisation's. Every card sent 1:1 is rendered
 * through this, so a person who writes in English gets English whatever the organisation speaks.
 * Each person is read once per call site's lifetime (one job run, one notification).
 */
export function recipientLocales(people: Pick<PeopleRepository, 'get'>, organisationLanguage: Locale): (aadObjectId: string) => Promise<Locale> {
  const known = new Map<string, Promise<Locale>>();
  return (aadObjectId) => {
    const id = aadObjectId.toLowerCase();
    let locale = known.get(id);
    if (!locale) known.set(id, (locale = people.get(id).then((person) => person?.locale ?? organisationLanguage)));
    return locale;
  };
}

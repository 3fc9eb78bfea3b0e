import { AGE_BAND_LABELS } from './domain/age-band';
import { PersonObject } from './dto/situation.objects';
import { Person } from './entities';

/** « E. D., 50–59 ans, Quartier Nord »: how the plenary cell names a person. */
export function pseudonymOf(person: Pick<Person, 'initials' | 'ageBand' | 'district'>): string {
  return [
    person.initials,
    AGE_BAND_LABELS[person.ageBand],
    ...(person.district ? [person.district] : []),
  ].join(', ');
}

export function toPersonObject(person: Person): PersonObject {
  return {
    id: person.id,
    caseCode: person.caseCode,
    initials: person.initials,
    ageBand: person.ageBand,
    district: person.district,
    pseudonym: pseudonymOf(person),
  };
}

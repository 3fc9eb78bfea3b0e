import { gateFields, LOGISTIC_VIEW } from '@relais/access';
import { AGE_BAND_LABELS } from './domain/age-band';
import { PersonObject } from './dto/situation.objects';
import { Person } from './entities';

/** « E. D., 50–59 ans, Quartier Nord »: how the plenary cell names a person. */
export function pseudonymOf(person: Pick<Person, 'initials' | 'ageBand' | 'district'>): string {
  // Initials are erased with the identity once anonymised: the age band and district remain.
  return [
    ...(person.initials ? [person.initials] : []),
    AGE_BAND_LABELS[person.ageBand],
    ...(person.district ? [person.district] : []),
  ].join(', ');
}

/** The person as anyone related to her reads it: every field is logistic, through the gate all the same. */
export function toPersonObject(person: Person): PersonObject {
  return gateFields(
    PersonObject,
    {
      id: person.id,
      caseCode: person.caseCode,
      initials: person.initials,
      ageBand: person.ageBand,
      district: person.district,
      pseudonym: pseudonymOf(person),
    },
    LOGISTIC_VIEW,
  ).value;
}

import { AGE_BAND_LABELS } from './domain/age-band';
import { PersonObject } from './dto/situation.objects';
import { Person } from './entities';

export function toPersonObject(person: Person): PersonObject {
  const parts = [person.initials, AGE_BAND_LABELS[person.ageBand]];
  if (person.district) parts.push(person.district);
  return {
    id: person.id,
    caseCode: person.caseCode,
    initials: person.initials,
    ageBand: person.ageBand,
    district: person.district,
    pseudonym: parts.join(', '),
  };
}

import type { SchemaEnum } from '../../referrals/referral-labels';

export type NoteCategory = 'SOCIAL_CONFIDENTIAL' | 'HEALTH_SECRET';
export type PersonAnswer = SchemaEnum<'PersonAnswer'>;
export type AttendanceStatus = SchemaEnum<'AttendanceStatus'>;

/**
 * A restricted note's category, and who will read it: said before the note is saved, so that its
 * author knows where the words go (the api applies the same rules, the page only tells them).
 */
export const NOTE_CATEGORY_TEXTS: Record<NoteCategory, { label: string; readers: string }> = {
  SOCIAL_CONFIDENTIAL: {
    label: 'Confidentielle sociale',
    readers:
      'Lue par la coordination et par les professionnel·les du soin et du social qui étaient dans la salle pour ce point, si la personne y a consenti. Jamais par un bailleur, une mairie, la police ou la justice.',
  },
  HEALTH_SECRET: {
    label: 'Secret médical',
    readers:
      'Lue seulement par les professionnel·les de santé qui étaient dans la salle pour ce point, si la personne y a consenti. Ni la coordination, ni le social, ni un bailleur ne la lisent.',
  },
};

/** Only the categories a note may have; anything else the api sent is not offered. */
export function noteCategories(categories: readonly string[]): NoteCategory[] {
  return (['HEALTH_SECRET', 'SOCIAL_CONFIDENTIAL'] as const).filter((category) =>
    categories.includes(category),
  );
}

export const PERSON_ANSWER_LABELS: Record<PersonAnswer, string> = {
  AGREES: 'D’accord',
  PARTLY_AGREES: 'D’accord en partie',
  DISAGREES: 'Pas d’accord',
  NO_ANSWER: 'Pas de réponse',
};

export const PERSON_ANSWERS = Object.keys(PERSON_ANSWER_LABELS) as PersonAnswer[];

export function personAnswerLabel(answer: string): string {
  return PERSON_ANSWER_LABELS[answer as PersonAnswer] ?? answer;
}

interface Named {
  id: string;
  name: string;
}

/** « 2 présent·es, 1 excusé·e » for one partner; statuses with nobody are left out. */
export function attendanceByPartner(
  attendance: readonly { organisationId: string; status: string }[],
  partners: readonly Named[],
): { name: string; said: string }[] {
  const counts = new Map<string, Record<AttendanceStatus, number>>();
  for (const entry of attendance) {
    const count = counts.get(entry.organisationId) ?? { PRESENT: 0, EXCUSED: 0, REPRESENTED: 0 };
    if (entry.status in count) count[entry.status as AttendanceStatus] += 1;
    counts.set(entry.organisationId, count);
  }
  const words: [AttendanceStatus, string, string][] = [
    ['PRESENT', 'présent·e', 'présent·es'],
    ['REPRESENTED', 'représenté·e', 'représenté·es'],
    ['EXCUSED', 'excusé·e', 'excusé·es'],
  ];
  return [...counts]
    .map(([organisationId, count]) => ({
      name: nameOf(organisationId, partners),
      said: words
        .filter(([status]) => count[status] > 0)
        .map(([status, one, many]) => `${count[status]} ${count[status] > 1 ? many : one}`)
        .join(', '),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export interface PartnerShare {
  name: string;
  /** The actions entrusted to the partner, with the case code of their item. */
  actions: { description: string; caseCode: string }[];
  /** Members of the partner attended the meeting: they read what was said where they were. */
  attended: boolean;
}

/**
 * What publication sends to whom: each partner entrusted with an action or present at the meeting,
 * with its actions. Read from the coordinator's draft, which holds every action.
 */
export function publicationShares(
  minutes: {
    attendance: readonly { organisationId: string; status: string }[];
    items: readonly {
      caseCode: string;
      actions: readonly { description: string; ownerOrganisationId: string }[];
    }[];
  },
  partners: readonly Named[],
): PartnerShare[] {
  const shares = new Map<string, PartnerShare>();
  const shareOf = (organisationId: string) => {
    const share = shares.get(organisationId) ?? {
      name: nameOf(organisationId, partners),
      actions: [],
      attended: false,
    };
    shares.set(organisationId, share);
    return share;
  };
  for (const entry of minutes.attendance) {
    if (entry.status !== 'EXCUSED') shareOf(entry.organisationId).attended = true;
  }
  for (const item of minutes.items) {
    for (const action of item.actions) {
      shareOf(action.ownerOrganisationId).actions.push({
        description: action.description,
        caseCode: item.caseCode,
      });
    }
  }
  return [...shares.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The partners a reading of the minutes names: those in the room, and those entrusted with an action. */
export function partnersNamedIn(minutes: {
  attendance: readonly { organisationId: string }[];
  items: readonly { actions: readonly { ownerOrganisationId: string }[] }[];
}): string[] {
  return [
    ...minutes.attendance.map((entry) => entry.organisationId),
    ...minutes.items.flatMap((item) => item.actions.map((action) => action.ownerOrganisationId)),
  ];
}

/** A partner the page does not know (removed since) is still told, by a neutral word. */
function nameOf(organisationId: string, partners: readonly Named[]): string {
  return partners.find((partner) => partner.id === organisationId)?.name ?? 'Partenaire non répertorié';
}

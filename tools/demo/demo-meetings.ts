/**
 * The cell's meetings in the demonstration: one just held, whose minutes are published with actions
 * (some for the landlord, one overdue), and one ahead whose agenda is published. The api plans a
 * meeting only in the future: the held one is planned a moment ahead, then held at once.
 */
import { addDays, isWorkingDay } from '@relais/config';
import { DEMO_ACTORS, DemoContext, userId } from './demo-context';
import { DEMO_MARK, DemoReferrals } from './demo-referrals';

const PLAN_MEETING = /* GraphQL */ `
  mutation ($input: PlanMeetingInput!) {
    planMeeting(input: $input) {
      id
    }
  }
`;
const ADD_ITEM = /* GraphQL */ `
  mutation ($input: AgendaItemInput!) {
    addAgendaItem(input: $input) {
      items {
        id
        situationId
      }
    }
  }
`;
const PUBLISH_AGENDA = /* GraphQL */ `
  mutation ($m: ID!) {
    publishAgenda(meetingId: $m) {
      id
    }
  }
`;
const RECORD_ATTENDANCE = /* GraphQL */ `
  mutation ($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      id
    }
  }
`;
const RECORD_ITEM = /* GraphQL */ `
  mutation ($input: RecordItemInput!) {
    recordAgendaItem(input: $input) {
      id
    }
  }
`;
const ADD_NOTE = /* GraphQL */ `
  mutation ($input: RestrictedNoteInput!) {
    addRestrictedNote(input: $input)
  }
`;
const MARK_HELD = /* GraphQL */ `
  mutation ($m: ID!) {
    markMeetingHeld(meetingId: $m) {
      id
    }
  }
`;
const PUBLISH_MINUTES = /* GraphQL */ `
  mutation ($m: ID!) {
    publishMinutes(meetingId: $m) {
      id
    }
  }
`;
const MINUTES_ACTIONS = /* GraphQL */ `
  query ($m: ID!) {
    meetingMinutes(meetingId: $m) {
      items {
        actions {
          id
          description
        }
      }
    }
  }
`;
const UPDATE_ACTION = /* GraphQL */ `
  mutation ($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id
    }
  }
`;

export interface DemoMeetings {
  heldMeetingId: string;
  upcomingMeetingId: string;
  overdueActionId: string;
}

/** A Paris wall-clock time on a day, as an instant (the offset is +01:00 or +02:00). */
function parisMoment(day: string, time: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const moment = new Date(`${day}T${time}:00${offset}`);
    const wall = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }).format(moment);
    if (wall === time) return moment;
  }
  return new Date(`${day}T${time}:00+01:00`);
}

/** The first working day at least `days` ahead. */
function workingDayAhead(today: string, days: number): string {
  let day = addDays(today, days);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

type Agenda = { addAgendaItem: { items: { id: string; situationId: string | null }[] } };

export async function seedDemoMeetings(
  context: DemoContext,
  referrals: DemoReferrals,
): Promise<DemoMeetings> {
  const { coordinator, nurse } = context.as;
  const org = context.organisations;
  const ids = {
    coordinator: userId(context, DEMO_ACTORS.coordinator),
    landlord: userId(context, DEMO_ACTORS.landlord),
    ccas: userId(context, DEMO_ACTORS.ccas),
    nurse: userId(context, DEMO_ACTORS.nurse),
    psychiatrist: userId(context, 'psychiatre@demo.relais.test'),
  };
  const place = 'Mairie de Démoville, salle du conseil (lieu fictif)';

  // The meeting just held: planned a moment ahead, the agenda published, then held.
  const { planMeeting: held } = await coordinator.call<{ planMeeting: { id: string } }>(PLAN_MEETING, {
    input: {
      cellId: context.cellId,
      startsAt: new Date(context.now().getTime() + 2 * 60_000).toISOString(),
      durationMinutes: 90,
      place,
    },
  });
  const examined = referrals.examined.situationId!;
  const examinedFromCcas = referrals.examinedFromCcas.situationId!;
  await coordinator.call(ADD_ITEM, {
    input: {
      meetingId: held.id,
      situationId: examined,
      presenterOrganisationId: org.landlord,
      reason: 'ACCEPTED_NOT_SCHEDULED',
      guestOrganisationIds: [org.landlord],
      minutes: 20,
    },
  });
  const { addAgendaItem } = await coordinator.call<Agenda>(ADD_ITEM, {
    input: {
      meetingId: held.id,
      situationId: examinedFromCcas,
      presenterOrganisationId: org.ccas,
      reason: 'ACCEPTED_NOT_SCHEDULED',
      guestOrganisationIds: [],
    },
  });
  const itemOf = (situationId: string) =>
    addAgendaItem.items.find((item) => item.situationId === situationId)!.id;
  await coordinator.call(PUBLISH_AGENDA, { m: held.id });
  const everyone = Object.values(ids);
  await coordinator.call(RECORD_ATTENDANCE, {
    input: { meetingId: held.id, entries: everyone.map((id) => ({ userId: id, status: 'PRESENT' })) },
  });

  const today = context.today;
  await coordinator.call(RECORD_ITEM, {
    input: {
      itemId: itemOf(examined),
      presentUserIds: everyone,
      personAttended: false,
      summary: `${DEMO_MARK} — dette locative en hausse, logement encombré ; la locataire accepte une visite conjointe.`,
      decisions: [
        {
          text: 'Plan d’apurement et visite conjointe bailleur–CMP',
          rationale: 'Éviter la procédure en renouant le contact',
          actions: [
            {
              description: 'Proposer un plan d’apurement',
              ownerOrganisationId: org.landlord,
              dueOn: addDays(today, 21),
            },
            {
              description: 'Suspendre les relances contentieuses',
              ownerOrganisationId: org.landlord,
              dueOn: today,
            },
            {
              description: 'Proposer un rendez-vous au CMP',
              ownerOrganisationId: org.cmp,
              dueOn: addDays(today, 14),
            },
          ],
        },
        {
          text: 'Engager un accompagnement en trinôme (maintien dans le logement)',
          actions: [
            {
              description: 'Premier contact de l’équipe d’accompagnement',
              ownerOrganisationId: org.logipsy,
              dueOn: addDays(today, 7),
            },
          ],
        },
      ],
    },
  });
  // Health information stays with the health professionals present.
  await nurse.call(ADD_NOTE, {
    input: {
      itemId: itemOf(examined),
      category: 'HEALTH_SECRET',
      text: `${DEMO_MARK} — traitement interrompu depuis l’été, à reprendre avec le CMP.`,
    },
  });
  await coordinator.call(RECORD_ITEM, {
    input: {
      itemId: itemOf(examinedFromCcas),
      presentUserIds: [ids.coordinator, ids.ccas, ids.landlord],
      personAttended: true,
      summary: `${DEMO_MARK} — droits à renouveler ; la dette reste modérée.`,
      decisions: [
        {
          text: 'Renouveler les droits et vérifier l’éligibilité au FSL',
          actions: [
            {
              description: 'Renouveler les droits',
              ownerOrganisationId: org.ccas,
              dueOn: addDays(today, 30),
            },
            {
              description: 'Vérifier l’éligibilité au FSL',
              ownerOrganisationId: org.landlord,
              dueOn: addDays(today, 10),
            },
          ],
        },
      ],
    },
  });
  await coordinator.call(MARK_HELD, { m: held.id });
  await coordinator.call(PUBLISH_MINUTES, { m: held.id });

  // An action must fall due today or later when recorded; the coordinator then sets the date that
  // had been agreed, four days ago: the landlord has an overdue action, and its reminders.
  const { meetingMinutes } = await coordinator.call<{
    meetingMinutes: { items: { actions: { id: string; description: string }[] }[] };
  }>(MINUTES_ACTIONS, { m: held.id });
  const overdue = meetingMinutes.items
    .flatMap((item) => item.actions)
    .find((action) => action.description === 'Suspendre les relances contentieuses')!;
  await coordinator.call(UPDATE_ACTION, {
    input: { actionId: overdue.id, status: 'TODO', dueOn: addDays(today, -4) },
  });

  // The next meeting, in about two weeks, with its agenda published.
  const { planMeeting: upcoming } = await coordinator.call<{ planMeeting: { id: string } }>(PLAN_MEETING, {
    input: {
      cellId: context.cellId,
      startsAt: parisMoment(workingDayAhead(today, 12), '14:00').toISOString(),
      durationMinutes: 120,
      place,
    },
  });
  await coordinator.call(ADD_ITEM, {
    input: {
      meetingId: upcoming.id,
      situationId: referrals.upcomingFromLandlord.situationId,
      presenterOrganisationId: org.landlord,
      reason: 'ACCEPTED_NOT_SCHEDULED',
      guestOrganisationIds: [org.landlord],
    },
  });
  await coordinator.call(ADD_ITEM, {
    input: {
      meetingId: upcoming.id,
      situationId: referrals.upcomingFromCcas.situationId,
      presenterOrganisationId: org.ccas,
      reason: 'ACCEPTED_NOT_SCHEDULED',
      guestOrganisationIds: [org.cmp],
    },
  });
  await coordinator.call(PUBLISH_AGENDA, { m: upcoming.id });

  return { heldMeetingId: held.id, upcomingMeetingId: upcoming.id, overdueActionId: overdue.id };
}

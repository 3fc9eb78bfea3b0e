/**
 * The trinôme the held meeting asked for: the association's educator and TISF with the CMP's
 * nurse, started by the coordinator on the landlord's referral, with its first acts.
 */
import { DEMO_ACTORS, DemoContext, userId } from './demo-context';
import { DEMO_MARK, DemoReferrals } from './demo-referrals';

const START = /* GraphQL */ `
  mutation ($input: StartFollowUpInput!) {
    startFollowUp(input: $input) {
      id
    }
  }
`;
const MOVE = /* GraphQL */ `
  mutation ($id: ID!, $phase: FollowUpPhase!) {
    moveFollowUpToPhase(followUpId: $id, phase: $phase) {
      id
    }
  }
`;
const ACT = /* GraphQL */ `
  mutation ($input: RecordActInput!) {
    recordFollowUpAct(input: $input) {
      id
    }
  }
`;

export async function seedDemoFollowUp(context: DemoContext, referrals: DemoReferrals): Promise<string> {
  const { coordinator, educator, tisf, nurse } = context.as;
  const ids = {
    educator: userId(context, DEMO_ACTORS.educator),
    tisf: userId(context, DEMO_ACTORS.tisf),
    nurse: userId(context, DEMO_ACTORS.nurse),
  };
  const { startFollowUp } = await coordinator.call<{ startFollowUp: { id: string } }>(START, {
    input: {
      situationId: referrals.examined.situationId,
      kind: 'HOUSING_SUSTAINMENT',
      requesterKind: 'HOUSING',
      requestedByReferralId: referrals.examined.id,
      objectives: [
        'Renouer le contact avec le CMP',
        'Stabiliser la dette locative',
        'Désencombrer le logement',
      ],
      team: [
        { role: 'PATHWAY_COORDINATOR', userId: ids.educator },
        { role: 'FAMILY_SOCIAL_WORKER', userId: ids.tisf },
        { role: 'PSYCHIATRIC_PROFESSIONAL', userId: ids.nurse },
      ],
    },
  });
  const followUpId = startFollowUp.id;
  await educator.call(MOVE, { id: followUpId, phase: 'ASSESSMENT' });

  const act = (input: Record<string, unknown>) => ({ followUpId, occurredOn: context.today, ...input });
  await educator.call(ACT, {
    input: act({
      type: 'PHONE',
      durationMinutes: 20,
      presentUserIds: [ids.educator],
      note: `${DEMO_MARK} — premier appel : la locataire accepte une visite la semaine prochaine.`,
      noteVisibility: 'TEAM',
    }),
  });
  await nurse.call(ACT, {
    input: act({
      type: 'HOME_VISIT',
      durationMinutes: 60,
      presentUserIds: [ids.nurse, ids.tisf],
      note: `${DEMO_MARK} — reprise du traitement évoquée ; rendez-vous médical à organiser.`,
      noteVisibility: 'HEALTH',
    }),
  });
  await tisf.call(ACT, {
    input: act({
      type: 'ACCOMPANIED_APPOINTMENT',
      durationMinutes: 90,
      presentUserIds: [ids.tisf],
      note: `${DEMO_MARK} — accompagnement à l’agence du bailleur pour le plan d’apurement.`,
      noteVisibility: 'TEAM',
    }),
  });
  return followUpId;
}

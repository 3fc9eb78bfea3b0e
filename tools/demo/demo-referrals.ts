/**
 * The demonstration's people and referrals, written by the landlord (mostly) and the CCAS through
 * the api, and moved by the coordinator: a draft, submitted ones, a pre-review, accepted ones, a
 * redirection, and one whose consent the person withdrew. Every name is plainly made up.
 */
import type { DemoContext } from './demo-context';
import type { DemoSession } from './demo-client';

const CREATE_REFERRAL = /* GraphQL */ `
  mutation ($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      person {
        caseCode
      }
    }
  }
`;
const RECORD_CONSENT = /* GraphQL */ `
  mutation ($id: ID!, $input: ConsentInput!) {
    recordConsent(referralId: $id, input: $input) {
      id
    }
  }
`;
const CONSENT_RECEIPT = /* GraphQL */ `
  query ($id: ID!) {
    consentReceipt(consentId: $id)
  }
`;
const WITHDRAW_CONSENT = /* GraphQL */ `
  mutation ($id: ID!) {
    withdrawConsent(consentId: $id) {
      id
    }
  }
`;
const SUBMIT_REFERRAL = /* GraphQL */ `
  mutation ($input: SubmitReferralInput!) {
    submitReferral(input: $input) {
      id
    }
  }
`;
const START_PRE_REVIEW = /* GraphQL */ `
  mutation ($id: ID!) {
    startReferralPreReview(referralId: $id) {
      id
    }
  }
`;
const ACCEPT_REFERRAL = /* GraphQL */ `
  mutation ($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      situationId
    }
  }
`;
const REDIRECT_REFERRAL = /* GraphQL */ `
  mutation ($input: RedirectReferralInput!) {
    redirectReferral(input: $input) {
      id
    }
  }
`;
const REQUEST_CONSENT = /* GraphQL */ `
  mutation ($input: ReferralReasonInput!) {
    requestReferralConsent(input: $input) {
      id
    }
  }
`;

/** Opens every free text the demonstration writes, so that no one takes it for a real case. */
export const DEMO_MARK = 'Donnée de démonstration';

const EVERYTHING_TOLD = [
  'PURPOSES',
  'RECIPIENTS',
  'DATA_CATEGORIES',
  'DURATION',
  'RIGHT_TO_WITHDRAW',
  'RIGHT_OF_ACCESS',
  'CONTACT',
];

interface DemoPerson {
  firstName: string;
  lastName: string;
  birthDate: string;
  district: string;
}

interface DemoForm {
  difficultyAreas: string[];
  servicesInvolved: string[];
  questionToCell: string;
  description: string;
  urgency: 'LOW' | 'MEDIUM' | 'HIGH';
  requests: string[];
}

export interface DemoReferral {
  id: string;
  caseCode: string;
  consentId?: string;
  situationId?: string;
}

type Partner = keyof DemoContext['organisations'];

/** How far each referral goes; what each partner is named for in the person's consent. */
interface Journey {
  by: 'landlord' | 'ccas';
  person: DemoPerson;
  form: DemoForm;
  /** No consent: the referral stays a draft. */
  consent?: { partners: Partner[]; purposes: string[] };
  to: 'DRAFT' | 'SUBMITTED' | 'PRE_REVIEW' | 'ACCEPTED' | 'REDIRECTED' | 'NEEDS_CONSENT';
}

const district = (name: string) => `Démoville — ${name} (fictif)`;

const JOURNEYS = {
  draft: {
    by: 'landlord',
    person: { firstName: 'Alain', lastName: 'EXEMPLE', birthDate: '1971-03-14', district: district('Nord') },
    form: {
      difficultyAreas: ['NEIGHBOUR_DISTURBANCE'],
      servicesInvolved: ['Gardien d’immeuble'],
      questionToCell: 'Que proposer avant une troisième plainte du voisinage ?',
      description: `${DEMO_MARK} — brouillon : plaintes de voisinage répétées, le locataire ne répond plus aux courriers.`,
      urgency: 'LOW',
      requests: ['ADVICE'],
    },
    to: 'DRAFT',
  },
  submitted: {
    by: 'landlord',
    person: {
      firstName: 'Béatrice',
      lastName: 'FICTIVE',
      birthDate: '1958-11-02',
      district: district('Centre'),
    },
    form: {
      difficultyAreas: ['HYGIENE_HOARDING', 'ISOLATION'],
      servicesInvolved: ['Bailleur', 'Médecin traitant'],
      questionToCell: 'Comment entrer en contact sans braquer la locataire ?',
      description: `${DEMO_MARK} — encombrement important signalé lors d’une visite technique ; la locataire vit seule.`,
      urgency: 'MEDIUM',
      requests: ['CELL_EXAMINATION'],
    },
    consent: { partners: ['ccas', 'cmp'], purposes: ['CELL_EXAMINATION'] },
    to: 'SUBMITTED',
  },
  preReview: {
    by: 'landlord',
    person: { firstName: 'Charles', lastName: 'DÉMO', birthDate: '1983-06-21', district: district('Sud') },
    form: {
      difficultyAreas: ['HOUSING_DEBT', 'CARE_INTERRUPTION'],
      servicesInvolved: ['Bailleur', 'CCAS'],
      questionToCell: 'Un accompagnement permettrait-il d’éviter la procédure ?',
      description: `${DEMO_MARK} — impayés depuis quatre mois, rupture de suivi évoquée par la famille.`,
      urgency: 'MEDIUM',
      requests: ['CELL_EXAMINATION', 'FOLLOW_UP_ASSESSMENT'],
    },
    consent: { partners: ['ccas', 'cmp', 'logipsy'], purposes: ['CELL_EXAMINATION'] },
    to: 'PRE_REVIEW',
  },
  examined: {
    by: 'landlord',
    person: { firstName: 'Denise', lastName: 'ESSAI', birthDate: '1966-09-30', district: district('Nord') },
    form: {
      difficultyAreas: ['HOUSING_DEBT', 'HYGIENE_HOARDING', 'CARE_INTERRUPTION'],
      servicesInvolved: ['Bailleur', 'CMP', 'CCAS'],
      questionToCell: 'Maintenir la locataire dans son logement : quel accompagnement ?',
      description: `${DEMO_MARK} — dette locative, logement dégradé, suivi au CMP interrompu depuis l’été.`,
      urgency: 'HIGH',
      requests: ['CELL_EXAMINATION', 'FOLLOW_UP_HOUSING_SUSTAINMENT'],
    },
    consent: {
      partners: ['ccas', 'cmp', 'logipsy'],
      purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
    },
    to: 'ACCEPTED',
  },
  redirected: {
    by: 'landlord',
    person: { firstName: 'Émile', lastName: 'MODÈLE', birthDate: '1949-01-17', district: district('Est') },
    form: {
      difficultyAreas: ['EVICTION_PROCEDURE'],
      servicesInvolved: ['Bailleur', 'Huissier'],
      questionToCell: 'La cellule peut-elle intervenir avant l’audience ?',
      description: `${DEMO_MARK} — assignation délivrée, audience fixée ; pas de difficulté de santé connue.`,
      urgency: 'HIGH',
      requests: ['ADVICE'],
    },
    consent: { partners: ['ccas'], purposes: ['CELL_EXAMINATION'] },
    to: 'REDIRECTED',
  },
  consentWithdrawn: {
    by: 'landlord',
    person: {
      firstName: 'Hélène',
      lastName: 'PROTOTYPE',
      birthDate: '1990-04-08',
      district: district('Ouest'),
    },
    form: {
      difficultyAreas: ['SAFETY_RISK', 'NEIGHBOUR_DISTURBANCE'],
      servicesInvolved: ['Bailleur'],
      questionToCell: 'Quelle suite donner aux signalements du voisinage ?',
      description: `${DEMO_MARK} — la personne a d’abord accepté, puis retiré son consentement.`,
      urgency: 'MEDIUM',
      requests: ['CELL_EXAMINATION'],
    },
    consent: { partners: ['ccas', 'cmp'], purposes: ['CELL_EXAMINATION'] },
    to: 'NEEDS_CONSENT',
  },
  upcomingFromLandlord: {
    by: 'landlord',
    person: {
      firstName: 'Ivan',
      lastName: 'SPÉCIMEN',
      birthDate: '1977-12-05',
      district: district('Centre'),
    },
    form: {
      difficultyAreas: ['ISOLATION', 'NO_GP'],
      servicesInvolved: ['Bailleur'],
      questionToCell: 'Qui peut proposer une première rencontre ?',
      description: `${DEMO_MARK} — locataire isolé, sans médecin traitant, refuse les visites du bailleur.`,
      urgency: 'MEDIUM',
      requests: ['CELL_EXAMINATION'],
    },
    consent: { partners: ['ccas', 'cmp'], purposes: ['CELL_EXAMINATION'] },
    to: 'ACCEPTED',
  },
  examinedFromCcas: {
    by: 'ccas',
    person: {
      firstName: 'Françoise',
      lastName: 'MAQUETTE',
      birthDate: '1962-07-19',
      district: district('Sud'),
    },
    form: {
      difficultyAreas: ['SOCIAL_RIGHTS', 'HOUSING_DEBT'],
      servicesInvolved: ['CCAS', 'Bailleur'],
      questionToCell: 'Coordonner l’ouverture des droits et le plan d’apurement.',
      description: `${DEMO_MARK} — droits non renouvelés, dette locative naissante.`,
      urgency: 'MEDIUM',
      requests: ['CELL_EXAMINATION'],
    },
    consent: { partners: ['landlord', 'cmp'], purposes: ['CELL_EXAMINATION'] },
    to: 'ACCEPTED',
  },
  upcomingFromCcas: {
    by: 'ccas',
    person: { firstName: 'Gérard', lastName: 'FICTIF', birthDate: '1955-02-25', district: district('Est') },
    form: {
      difficultyAreas: ['ISOLATION', 'CARE_INTERRUPTION'],
      servicesInvolved: ['CCAS', 'CMP'],
      questionToCell: 'Comment reprendre le suivi interrompu ?',
      description: `${DEMO_MARK} — rendez-vous au CMP manqués depuis trois mois, voisinage inquiet.`,
      urgency: 'MEDIUM',
      requests: ['CELL_EXAMINATION'],
    },
    consent: { partners: ['cmp', 'landlord'], purposes: ['CELL_EXAMINATION'] },
    to: 'ACCEPTED',
  },
  submittedFromCcas: {
    by: 'ccas',
    person: {
      firstName: 'Jeanne',
      lastName: 'ÉBAUCHE',
      birthDate: '1988-10-11',
      district: district('Ouest'),
    },
    form: {
      difficultyAreas: ['SOCIAL_RIGHTS', 'ISOLATION'],
      servicesInvolved: ['CCAS'],
      questionToCell: 'Un avis de la cellule sur l’orientation possible.',
      description: `${DEMO_MARK} — démarches administratives abandonnées, isolement récent.`,
      urgency: 'LOW',
      requests: ['ADVICE'],
    },
    consent: { partners: ['cmp'], purposes: ['CELL_EXAMINATION'] },
    to: 'SUBMITTED',
  },
} satisfies Record<string, Journey>;

export type DemoReferrals = Record<keyof typeof JOURNEYS, DemoReferral>;

async function walk(context: DemoContext, journey: Journey): Promise<DemoReferral> {
  const referrer = context.as[journey.by];
  const coordinator = context.as.coordinator;
  const { createReferral } = await referrer.call<{
    createReferral: { id: string; person: { caseCode: string } };
  }>(CREATE_REFERRAL, {
    input: {
      territoryId: context.territoryId,
      person: { ...journey.person, protectionMeasure: 'NONE' },
      form: journey.form,
    },
  });
  const referral: DemoReferral = { id: createReferral.id, caseCode: createReferral.person.caseCode };
  if (!journey.consent) return referral;

  referral.consentId = await recordConsent(context, referrer, referral.id, journey.consent);
  if (journey.to === 'DRAFT') return referral;
  await referrer.call(SUBMIT_REFERRAL, {
    input: {
      referralId: referral.id,
      commonLawRoutesTried: true,
      notAnEmergency: true,
      imminentDanger: false,
    },
  });
  if (journey.to === 'SUBMITTED') return referral;
  await coordinator.call(START_PRE_REVIEW, { id: referral.id });
  if (journey.to === 'ACCEPTED') {
    const { acceptReferral } = await coordinator.call<{ acceptReferral: { situationId: string } }>(
      ACCEPT_REFERRAL,
      { input: { referralId: referral.id } },
    );
    referral.situationId = acceptReferral.situationId;
  } else if (journey.to === 'REDIRECTED') {
    await coordinator.call(REDIRECT_REFERRAL, {
      input: {
        referralId: referral.id,
        target: 'CCAPEX',
        message: `${DEMO_MARK} — une procédure d’expulsion est engagée : la CCAPEX est l’instance compétente, la cellule reste disponible ensuite.`,
      },
    });
  } else if (journey.to === 'NEEDS_CONSENT') {
    // The person changed their mind: the landlord records the withdrawal, the coordinator asks for a new consent.
    await referrer.call(WITHDRAW_CONSENT, { id: referral.consentId });
    await coordinator.call(REQUEST_CONSENT, {
      input: {
        referralId: referral.id,
        reason: `${DEMO_MARK} — consentement retiré : à recueillir de nouveau avant tout examen.`,
      },
    });
  }
  return referral;
}

/** A consent given in writing today after full information; its receipt is produced for the person. */
async function recordConsent(
  context: DemoContext,
  referrer: DemoSession,
  referralId: string,
  consent: { partners: Partner[]; purposes: string[] },
): Promise<string> {
  const { recordConsent: recorded } = await referrer.call<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
    id: referralId,
    input: {
      status: 'GIVEN',
      method: 'WRITTEN',
      collectedOn: context.today,
      informationGiven: EVERYTHING_TOLD,
      wishesToAttend: false,
      purposes: consent.purposes,
      organisationIds: consent.partners.map((partner) => context.organisations[partner]),
      organisationKinds: [],
      includesCell: true,
      dataCategories: ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'],
    },
  });
  await referrer.call(CONSENT_RECEIPT, { id: recorded.id });
  return recorded.id;
}

/** Every referral of the demonstration, one after the other (each is a handful of requests). */
export async function seedDemoReferrals(context: DemoContext): Promise<DemoReferrals> {
  const referrals = {} as DemoReferrals;
  for (const [key, journey] of Object.entries(JOURNEYS) as [keyof typeof JOURNEYS, Journey][]) {
    referrals[key] = await walk(context, journey);
  }
  return referrals;
}

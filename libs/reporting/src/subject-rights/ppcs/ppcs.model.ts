/** The action plan handed over to a regional e-parcours tool; `ppcs.schema.json` is its contract. */
export const PPCS_FORMAT = 'relais.ppcs/1';

export type PpcsActionType = 'CARE' | 'SOCIAL_SUPPORT' | 'HOUSING' | 'COORDINATION' | 'INFORMATION' | 'OTHER';
export type PpcsProfessionalRole =
  'COORDINATION' | 'CIRCLE' | 'FOLLOW_UP_TEAM' | 'ACTION_OWNER' | 'HANDOFF_RECEIVER';
export type PpcsProblemDomain = 'HOUSING' | 'HEALTH' | 'SOCIAL' | 'SAFETY' | 'OTHER';

export interface PpcsIdentity {
  lastName: string | null;
  firstName: string | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  protectionMeasure: string | null;
  representative: string | null;
}

export interface PpcsDocument {
  format: typeof PPCS_FORMAT;
  generatedAt: string;
  plan: {
    situationId: string;
    status: string;
    statusLabel: string;
    elaboratedOn: string;
    nextReviewOn: string | null;
    closedOn: string | null;
  };
  person: { caseCode: string; pseudonym: string; identity: PpcsIdentity | null };
  professionals: {
    organisationId: string;
    organisationName: string;
    organisationKind: string;
    roles: PpcsProfessionalRole[];
    people: { name: string; function: string }[];
  }[];
  problems: { domain: PpcsProblemDomain; code: string; label: string }[];
  wishes: { questionToCell: string | null; wishesToAttend: boolean | null; answerToProposals: string | null };
  actions: {
    id: string;
    type: PpcsActionType;
    description: string;
    ownerOrganisationId: string;
    ownerOrganisationName: string;
    dueOn: string;
    status: string;
    outcome: string | null;
    origin: string;
  }[];
  objectives: { id: string; text: string; status: string; reached: boolean }[];
  objectivesNotReached: string[];
}

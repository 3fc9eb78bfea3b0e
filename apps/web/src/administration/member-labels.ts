import type { VariablesOf } from '../graphql/graphql';
import { professionLabel, roleLabel } from '../account/role-labels';
import type { CreateUserMutation } from './administration.operations';

type CreateUserInput = VariablesOf<typeof CreateUserMutation>['input'];
export type Role = CreateUserInput['roles'][number];
export type Profession = CreateUserInput['profession'];

/** Every role, in the order the administration thinks of them; typed by the schema. */
export const ROLES: readonly Role[] = [
  'REFERRER',
  'COORDINATOR',
  'CELL_MEMBER',
  'FOLLOWUP_PRACTITIONER',
  'TERRITORY_ADMIN',
  'AUDITOR',
  'STEERING',
];

export const ROLE_CHOICES = ROLES.map((role) => ({
  value: role,
  label: roleLabel(role).label,
  description: roleLabel(role).description,
}));

const PROFESSIONS: readonly Profession[] = [
  'SOCIAL_WORKER',
  'SOCIAL_ECONOMICS_ADVISOR',
  'SPECIALISED_EDUCATOR',
  'FAMILY_SOCIAL_WORKER',
  'HOUSING_OFFICER',
  'MUNICIPAL_OFFICER',
  'LEGAL_PROTECTION_OFFICER',
  'POLICE_OFFICER',
  'ADMINISTRATIVE_STAFF',
  'CLSM_COORDINATOR',
  'PHYSICIAN',
  'PSYCHIATRIST',
  'NURSE',
  'PSYCHIATRIC_NURSE',
  'PSYCHOLOGIST',
  'OTHER',
];

export const PROFESSION_OPTIONS = PROFESSIONS.map((value) => ({ value, label: professionLabel(value) }))
  // Sorted as read, « Autre profession » last.
  .sort((a, b) =>
    a.value === 'OTHER' ? 1 : b.value === 'OTHER' ? -1 : a.label.localeCompare(b.label, 'fr'),
  );

export function accessLabel(status: string | null | undefined): string {
  if (status === 'ACTIVE') return 'Accès actif';
  if (status === 'SUSPENDED') return 'Accès suspendu';
  return 'Statut non communiqué';
}

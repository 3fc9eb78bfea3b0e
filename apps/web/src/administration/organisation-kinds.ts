import type { VariablesOf } from '../graphql/graphql';
import type { CreateOrganisationMutation } from './administration.operations';

export type OrganisationKind = VariablesOf<typeof CreateOrganisationMutation>['input']['kind'];

/**
 * A partner's kind as the administration names it, with what it means for sharing: typed by the
 * schema, so a new kind fails `tsc` until it has its words.
 */
export const ORGANISATION_KIND_LABELS: Readonly<
  Record<OrganisationKind, { label: string; description: string }>
> = {
  SOCIAL: { label: 'Service social', description: 'CCAS, service social du Département.' },
  PSYCHIATRY: { label: 'Psychiatrie de secteur', description: 'CMP, EPSM, équipe mobile (EMPP).' },
  MEDICO_SOCIAL: { label: 'Service médico-social', description: 'SAVS, SAMSAH.' },
  PEER_SUPPORT: { label: 'Groupe d’entraide mutuelle (GEM)', description: '' },
  ASSOCIATION: { label: 'Association', description: '' },
  HOUSING: {
    label: 'Bailleur social',
    description:
      'Hors du secret partagé : ses agents ne lisent que les informations pratiques et le logement.',
  },
  MUNICIPAL: {
    label: 'Mairie ou service municipal',
    description:
      'Hors du secret partagé : ses agents ne lisent que les informations pratiques et le logement.',
  },
  JUSTICE_POLICE: {
    label: 'Police ou justice',
    description:
      'Hors du secret partagé : leurs agents ne lisent que les informations pratiques et le logement.',
  },
  OTHER: { label: 'Autre partenaire', description: '' },
};

export const ORGANISATION_KINDS = Object.keys(ORGANISATION_KIND_LABELS) as OrganisationKind[];

/** An unknown kind (added to the api since this build) is shown as sent, not hidden. */
export function organisationKindLabel(kind: string): string {
  return ORGANISATION_KIND_LABELS[kind as OrganisationKind]?.label ?? kind;
}

import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi } from './api-harness';

export interface RoleSession {
  client: GraphqlClient;
  userId: string;
  organisationId: string;
  email: string;
  refreshToken: string;
}

const PROFILE: Record<Role, { profession: Profession; kind: OrganisationKind }> = {
  COORDINATOR: { profession: Profession.CLSM_COORDINATOR, kind: OrganisationKind.MUNICIPAL },
  CELL_MEMBER: { profession: Profession.SOCIAL_WORKER, kind: OrganisationKind.SOCIAL },
  REFERRER: { profession: Profession.HOUSING_OFFICER, kind: OrganisationKind.HOUSING },
  FOLLOWUP_PRACTITIONER: { profession: Profession.PSYCHIATRIC_NURSE, kind: OrganisationKind.PSYCHIATRY },
  TERRITORY_ADMIN: { profession: Profession.ADMINISTRATIVE_STAFF, kind: OrganisationKind.MUNICIPAL },
  AUDITOR: { profession: Profession.ADMINISTRATIVE_STAFF, kind: OrganisationKind.MUNICIPAL },
  STEERING: { profession: Profession.MUNICIPAL_OFFICER, kind: OrganisationKind.MUNICIPAL },
};

/** One logged-in GraphQL client per role, each a distinct user of a plausible partner. */
export async function sessionsByRole(
  api: RunningApi,
  territory: Territory,
): Promise<Record<Role, RoleSession>> {
  const entries = await Promise.all(
    Object.values(Role).map(async (role) => {
      const organisation = await api.factory.organisation(territory, PROFILE[role].kind);
      const user = await api.factory.user({
        territory,
        organisation,
        profession: PROFILE[role].profession,
        roles: [role],
      });
      const { client, session } = await logInClient(api.anonymous, user.email, user.password);
      return [
        role,
        {
          client,
          userId: user.id,
          organisationId: organisation.id,
          email: user.email,
          refreshToken: session.refreshToken,
        },
      ] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, RoleSession>;
}

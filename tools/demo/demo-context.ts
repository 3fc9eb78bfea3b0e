/**
 * What the demonstration scenario works with, all read from the api as the demo accounts see it:
 * the territory and its cell, the partners by kind, the members' ids, and one session per account.
 */
import { parisDate } from '@relais/config';
import { DemoSeedError, DemoSession, signInDemoAccount } from './demo-client';

/** The demo accounts the scenario acts as (see DEMO_ACCOUNTS). */
export const DEMO_ACTORS = {
  landlord: 'bailleur@demo.relais.test',
  ccas: 'ccas@demo.relais.test',
  coordinator: 'coordination@demo.relais.test',
  nurse: 'infirmier@demo.relais.test',
  educator: 'educateur@demo.relais.test',
  tisf: 'tisf@demo.relais.test',
} as const;
export type DemoActor = keyof typeof DEMO_ACTORS;

const PARTNER_KINDS = {
  town: 'MUNICIPAL',
  landlord: 'HOUSING',
  ccas: 'SOCIAL',
  cmp: 'PSYCHIATRY',
  logipsy: 'ASSOCIATION',
  savs: 'MEDICO_SOCIAL',
} as const;
type Partner = keyof typeof PARTNER_KINDS;

export interface DemoContext {
  now: () => Date;
  /** Today in Paris (AAAA-MM-JJ). */
  today: string;
  territoryId: string;
  cellId: string;
  organisations: Record<Partner, string>;
  /** User ids by e-mail, from the territory's directory. */
  userIds: Record<string, string>;
  as: Record<DemoActor, DemoSession>;
}

const ME = /* GraphQL */ `
  query {
    me {
      memberships {
        territory {
          id
          name
        }
        cell {
          id
        }
      }
    }
  }
`;
const ORGANISATIONS = /* GraphQL */ `
  query ($t: ID!) {
    organisations(territoryId: $t, first: 100) {
      edges {
        node {
          id
          kind
        }
      }
    }
  }
`;
const MEMBERS = /* GraphQL */ `
  query ($t: ID!) {
    territoryMembers(territoryId: $t, first: 100) {
      edges {
        node {
          user {
            id
            email
          }
        }
      }
    }
  }
`;

interface MyMemberships {
  me: { memberships: { territory: { id: string; name: string }; cell: { id: string } | null }[] };
}

/** The landlord's session and the demo territory's id: enough to tell whether the activity exists. */
export async function openLandlordSession(
  url: string,
  territoryName: string,
  now: () => Date,
): Promise<{ landlord: DemoSession; territoryId: string }> {
  const landlord = await signInDemoAccount(url, DEMO_ACTORS.landlord, now);
  const { me } = await landlord.call<MyMemberships>(ME);
  const membership = me.memberships.find((candidate) => candidate.territory.name === territoryName);
  if (!membership) throw new DemoSeedError(`le compte du bailleur n’est pas membre de « ${territoryName} »`);
  return { landlord, territoryId: membership.territory.id };
}

/** Signs the other actors in (once each) and reads the territory as the coordinator sees it. */
export async function demoContext(
  url: string,
  now: () => Date,
  landlord: DemoSession,
  territoryId: string,
): Promise<DemoContext> {
  const as = { landlord } as Record<DemoActor, DemoSession>;
  for (const actor of Object.keys(DEMO_ACTORS) as DemoActor[]) {
    if (actor !== 'landlord') as[actor] = await signInDemoAccount(url, DEMO_ACTORS[actor], now);
  }
  const { me } = await as.coordinator.call<MyMemberships>(ME);
  const cellId = me.memberships.find((membership) => membership.territory.id === territoryId)?.cell?.id;
  if (!cellId) throw new DemoSeedError('la coordinatrice de démonstration n’a pas de cellule');

  // The demonstration territory holds a few partners and members: one page of each is all of them.
  const { organisations } = await as.coordinator.call<{
    organisations: { edges: { node: { id: string; kind: string } }[] };
  }>(ORGANISATIONS, { t: territoryId });
  const byKind = {} as Record<Partner, string>;
  for (const [partner, kind] of Object.entries(PARTNER_KINDS) as [Partner, string][]) {
    const found = organisations.edges.find(({ node }) => node.kind === kind)?.node;
    if (!found)
      throw new DemoSeedError(`aucun partenaire de nature ${kind} dans le territoire de démonstration`);
    byKind[partner] = found.id;
  }
  const { territoryMembers } = await as.coordinator.call<{
    territoryMembers: { edges: { node: { user: { id: string; email: string } } }[] };
  }>(MEMBERS, { t: territoryId });
  const userIds = Object.fromEntries(
    territoryMembers.edges.map(({ node }) => [node.user.email, node.user.id]),
  );

  return { now, today: parisDate(now()), territoryId, cellId, organisations: byKind, userIds, as };
}

/** A demo account's id (by e-mail), which the directory must list. */
export function userId(context: DemoContext, email: string): string {
  const id = context.userIds[email];
  if (!id) throw new DemoSeedError(`${email} absent de l’annuaire du territoire de démonstration`);
  return id;
}

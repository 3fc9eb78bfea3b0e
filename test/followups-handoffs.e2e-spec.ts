import { Role } from '@relais/access';
import { frenchDate, parisDate } from '@relais/config';
import { Profession } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { RunningApi, startApi } from './support/api-harness';
import { TrinomeFollowUp, trinomeFollowUp } from './support/follow-up-fixtures';

const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeHandoffInput!) {
    proposeHandoff(input: $input) {
      id
    }
  }
`;
const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerHandoffInput!) {
    answerHandoff(input: $input) {
      id
      status
      declineReason
      answeredAt
    }
  }
`;
const INCOMING = /* GraphQL */ `
  query ($status: HandoffStatus, $first: Int, $after: String) {
    incomingHandoffs(status: $status, first: $first, after: $after) {
      edges {
        node {
          id
          status
          caseCode
          receivingOrganisationName
          proposedByOrganisationName
          proposedAt
          answeredAt
          declineReason
          remindersSentAt
          cmpFollowUpStatus
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const RECIPIENTS = /* GraphQL */ `
  query ($s: ID!, $first: Int, $after: String) {
    handoffRecipients(situationId: $s, first: $first, after: $after) {
      edges {
        node {
          organisationId
          name
          kind
          allowed
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface HandoffNode {
  id: string;
  status: string;
  caseCode: string;
  receivingOrganisationName: string;
  proposedByOrganisationName: string;
  proposedAt: string;
  answeredAt: string | null;
  declineReason: string | null;
  remindersSentAt: string[];
  cmpFollowUpStatus: string | null;
}
interface Recipient {
  organisationId: string;
  name: string;
  kind: string;
  allowed: boolean;
  reason: string | null;
}
interface Page<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Hand-offs as the receiving organisation and the proposer see them: those received, in the order
 * one answers them; where a hand-off may go, by the person's consent; the fiche with its dates.
 */
describe('hand-offs received, and where one may go', () => {
  let api: RunningApi;
  let f: TrinomeFollowUp;
  const handoffs: string[] = [];
  let outsider: GraphqlClient;
  let remindedAt: Date;

  beforeAll(async () => {
    api = await startApi();
    f = await trinomeFollowUp(api);
    const stranger = await api.factory.user({
      territory: f.territory,
      organisation: f.organisations.association,
      profession: Profession.SPECIALISED_EDUCATOR,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    outsider = (await logInClient(api.anonymous, stranger.email, stranger.password)).client;
    // Three proposals to the CMP a minute apart; the second is declined.
    for (let index = 0; index < 3; index += 1) {
      api.clock.advanceMinutes(1);
      const { proposeHandoff } = await f.accounts.educator.client.expectData<{
        proposeHandoff: { id: string };
      }>(PROPOSE, {
        input: {
          situationId: f.situationId,
          followUpId: f.followUpId,
          receivingOrganisationId: f.organisations.cmp.id,
          cmpFollowUpStatus: 'REQUESTED',
          evictionProcedureState: 'NONE',
          rightsOpened: [],
          personAgreed: true,
        },
      });
      handoffs.push(proposeHandoff.id);
    }
    api.clock.advanceMinutes(1);
    await f.accounts.nurse.client.expectData(ANSWER, {
      input: { handoffId: handoffs[1], accept: false, reason: 'Pas de place avant mars' },
    });
    // The first one's receiver was reminded once; the proposer's copy and a reminder still to come
    // are not the receiver's reminders.
    remindedAt = new Date(api.clock.now().getTime() - 30_000);
    const reminder = (
      recipient: { id: string },
      organisationId: string,
      status: string,
      occurrence: number,
    ) =>
      api.dataSource.query(
        `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, recipient_user_id,
           recipient_organisation_id, due_at, status, dedupe_key, occurrence, created_at, settled_at)
         VALUES ($1, 'HANDOFF_UNANSWERED', 'Handoff', $2, $3, $4, $5, $6, $7, $8, $5, $9)`,
        [
          f.territory.id,
          handoffs[0],
          recipient.id,
          organisationId,
          remindedAt,
          status,
          randomUUID(),
          occurrence,
          status === 'SENT' ? remindedAt : null,
        ],
      );
    await reminder(f.accounts.nurse, f.organisations.cmp.id, 'SENT', 1);
    await reminder(f.accounts.educator, f.organisations.association.id, 'SENT', 1);
    await reminder(f.accounts.nurse, f.organisations.cmp.id, 'SCHEDULED', 2);
  });
  afterAll(() => api.close());

  const incoming = async (client: GraphqlClient, variables: Record<string, unknown> = {}) =>
    (
      await client.expectData<{ incomingHandoffs: Page<HandoffNode> }>(INCOMING, {
        first: 100,
        ...variables,
      })
    ).incomingHandoffs;
  const idsOf = <Node extends { id: string }>(page: Page<Node>) => page.edges.map((edge) => edge.node.id);

  it('gives the receiving organisation those to answer, oldest first, then the answered ones', async () => {
    const page = await incoming(f.accounts.nurse.client);
    expect(idsOf(page)).toEqual([handoffs[0], handoffs[2], handoffs[1]]);
    expect(idsOf(await incoming(f.accounts.nurse.client, { status: 'PROPOSED' }))).toEqual([
      handoffs[0],
      handoffs[2],
    ]);
    expect(idsOf(await incoming(f.accounts.nurse.client, { status: 'DECLINED' }))).toEqual([handoffs[1]]);

    const declined = page.edges[2].node;
    expect(declined).toMatchObject({
      status: 'DECLINED',
      caseCode: f.caseCode,
      receivingOrganisationName: f.organisations.cmp.name,
      proposedByOrganisationName: f.organisations.association.name,
      declineReason: 'Pas de place avant mars',
      remindersSentAt: [],
      cmpFollowUpStatus: 'REQUESTED',
    });
    expect(Date.parse(declined.answeredAt!)).toBeGreaterThan(Date.parse(declined.proposedAt));
    expect(page.edges[0].node.remindersSentAt).toEqual([remindedAt.toISOString()]);
  });

  it('gives one hand-off by its id to its parties, as the list does, and to no one else', async () => {
    const ONE = `query ($h: ID!) { handoff(handoffId: $h) { id status declineReason proposedByOrganisationName } }`;
    for (const client of [f.accounts.nurse.client, f.accounts.educator.client]) {
      const { handoff } = await client.expectData<{ handoff: Partial<HandoffNode> }>(ONE, { h: handoffs[1] });
      expect(handoff).toEqual({
        id: handoffs[1],
        status: 'DECLINED',
        declineReason: 'Pas de place avant mars',
        proposedByOrganisationName: f.organisations.association.name,
      });
    }
    const refused = await f.accounts.bailleur.client.request(ONE, { h: handoffs[1] });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('walks them page by page, and gives the proposer and others nothing received', async () => {
    const walked: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 5; round += 1) {
      const page: Page<HandoffNode> = await incoming(f.accounts.nurse.client, { first: 1, after });
      walked.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual([handoffs[0], handoffs[2], handoffs[1]]);
    expect((await incoming(f.accounts.educator.client)).edges).toEqual([]);
    expect((await incoming(f.accounts.bailleur.client)).edges).toEqual([]);
  });

  it('prints on the fiche when it was proposed and answered, why it was declined, and when it was chased', async () => {
    const textOf = async (handoffId: string) => {
      const response = await fetch(`${api.url}/documents/handoffs/${handoffId}/passage-de-relais.pdf`, {
        headers: { authorization: `Bearer ${f.accounts.nurse.client.accessToken}` },
      });
      expect(response.status).toBe(200);
      return (await new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) }).getText()).text;
    };
    const day = frenchDate(parisDate(api.clock.now()));
    const declined = await textOf(handoffs[1]);
    expect(declined).toContain(`Proposé le ${day}`);
    expect(declined).toContain(`Réponse le ${day}`);
    expect(declined).toContain('Motif du refus : Pas de place avant mars');
    const chased = await textOf(handoffs[0]);
    expect(chased).toContain(`Proposé le ${day}`);
    expect(chased).not.toContain('Réponse le');
    expect(chased).toContain(`Relancé faute de réponse le ${frenchDate(parisDate(remindedAt))}`);
  });

  it('tells the proposer which partners the person’s consent allows, page by page, and why not the others', async () => {
    const read = async (first: number, after: string | null = null) =>
      (
        await f.accounts.educator.client.expectData<{ handoffRecipients: Page<Recipient> }>(RECIPIENTS, {
          s: f.situationId,
          first,
          after,
        })
      ).handoffRecipients;
    const all = await read(100);
    const byId = new Map(all.edges.map((edge) => [edge.node.organisationId, edge.node]));
    // The proposer's own organisation is not offered.
    expect(byId.has(f.organisations.association.id)).toBe(false);
    expect(byId.get(f.organisations.cmp.id)).toEqual({
      organisationId: f.organisations.cmp.id,
      name: f.organisations.cmp.name,
      kind: 'PSYCHIATRY',
      allowed: true,
      reason: null,
    });
    expect(byId.get(f.organisations.bailleur.id)).toMatchObject({
      allowed: false,
      reason: 'Le consentement de la personne ne nomme pas ce partenaire pour un passage de relais.',
    });

    const walked: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round += 1) {
      const page: Page<Recipient> = await read(1, after);
      walked.push(...page.edges.map((edge) => edge.node.organisationId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.edges.map((edge) => edge.node.organisationId));
  });

  it('refuses the list of partners to someone who may not propose a hand-off on this situation', async () => {
    for (const client of [outsider, f.accounts.bailleur.client]) {
      const response = await client.request(RECIPIENTS, { s: f.situationId, first: 10 });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const { handoffRecipients } = await f.accounts.coordinator.client.expectData<{
      handoffRecipients: Page<Recipient>;
    }>(RECIPIENTS, { s: f.situationId, first: 100 });
    const allowed = handoffRecipients.edges
      .filter((edge) => edge.node.allowed)
      .map((edge) => edge.node.organisationId);
    expect(allowed.sort()).toEqual([f.organisations.association.id, f.organisations.cmp.id].sort());
  });
});

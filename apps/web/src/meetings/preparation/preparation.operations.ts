import { graphql } from '../../graphql/graphql';
import type { ResultOf } from '../../graphql/graphql';

/** My memberships: the territories whose meetings I see, my roles there and my cell. */
export const MeetingTerritoriesQuery = graphql(`
  query MeetingTerritories {
    me {
      id
      organisationId
      memberships {
        id
        status
        roles
        territory {
          id
          name
        }
        cell {
          id
          name
        }
      }
    }
  }
`);

/** A meeting as the pages show it (unmasked: pages read it from any operation). */
export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting @_unmask {
    id
    territoryId
    cellId
    startsAt
    durationMinutes
    place
    videoLink
    status
    seriesId
    agendaPublishedAt
  }
`);

/** One page of the coming or past meetings. */
export const MeetingsQuery = graphql(
  `
    query Meetings($territoryId: ID!, $period: MeetingPeriod!, $first: Int!, $after: String) {
      meetings(territoryId: $territoryId, period: $period, first: $first, after: $after) {
        edges {
          node {
            ...MeetingFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [MeetingFields],
);

export const PlanMeetingMutation = graphql(
  `
    mutation PlanMeeting($input: PlanMeetingInput!) {
      planMeeting(input: $input) {
        ...MeetingFields
      }
    }
  `,
  [MeetingFields],
);

export const PlanMeetingSeriesMutation = graphql(
  `
    mutation PlanMeetingSeries($input: PlanMeetingSeriesInput!) {
      planMeetingSeries(input: $input) {
        ...MeetingFields
      }
    }
  `,
  [MeetingFields],
);

export const AgendaFields = graphql(
  `
    fragment AgendaFields on Agenda @_unmask {
      meeting {
        ...MeetingFields
      }
      totalMinutes
      items {
        id
        position
        kind
        minutes
        caseCode
        detailed
        pseudonym
        reason
        referrerKind
        presentation
        situationId
        presenterOrganisationId
        presenterUserId
        guestOrganisationIds
        redactedFields
      }
    }
  `,
  [MeetingFields],
);

/** The agenda as I may see it: every item's code, the details of those I coordinate or am invited to. */
export const MeetingAgendaQuery = graphql(
  `
    query MeetingAgenda($meetingId: ID!) {
      meetingAgenda(meetingId: $meetingId) {
        ...AgendaFields
      }
    }
  `,
  [AgendaFields],
);

/** Relais's suggestions for the agenda, a page at a time, the most pressing first. */
export const AgendaSuggestionsQuery = graphql(`
  query AgendaSuggestions($meetingId: ID!, $first: Int!, $after: String) {
    agendaSuggestions(meetingId: $meetingId, first: $first, after: $after) {
      edges {
        node {
          situationId
          caseCode
          pseudonym
          kind
          reason
          explanation
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AddAgendaItemMutation = graphql(
  `
    mutation AddAgendaItem($input: AgendaItemInput!) {
      addAgendaItem(input: $input) {
        ...AgendaFields
      }
    }
  `,
  [AgendaFields],
);

export const UpdateAgendaItemMutation = graphql(
  `
    mutation UpdateAgendaItem($input: UpdateAgendaItemInput!) {
      updateAgendaItem(input: $input) {
        ...AgendaFields
      }
    }
  `,
  [AgendaFields],
);

export const RemoveAgendaItemMutation = graphql(
  `
    mutation RemoveAgendaItem($itemId: ID!) {
      removeAgendaItem(itemId: $itemId) {
        ...AgendaFields
      }
    }
  `,
  [AgendaFields],
);

export const ReorderAgendaMutation = graphql(
  `
    mutation ReorderAgenda($input: ReorderAgendaInput!) {
      reorderAgenda(input: $input) {
        ...AgendaFields
      }
    }
  `,
  [AgendaFields],
);

export const PublishAgendaMutation = graphql(
  `
    mutation PublishAgenda($meetingId: ID!) {
      publishAgenda(meetingId: $meetingId) {
        ...MeetingFields
      }
    }
  `,
  [MeetingFields],
);

export type MeetingView = ResultOf<typeof MeetingFields>;
export type AgendaView = ResultOf<typeof AgendaFields>;
export type AgendaItemView = AgendaView['items'][number];
export type AgendaSuggestionView = ResultOf<
  typeof AgendaSuggestionsQuery
>['agendaSuggestions']['edges'][number]['node'];

/** GraphQL documents of the meetings journey. */

export const AGENDA_FIELDS = /* GraphQL */ `
  meeting { id status statusLabel startsAt place seriesId }
  totalMinutes
  standingInvitees { userId organisationId kind }
  items {
    id position kind minutes caseCode referrerKind presentation detailed situationId pseudonym reason
    presenterOrganisationId guestOrganisationIds redactedFields
  }
`;

export const PLAN_MEETING = /* GraphQL */ `
  mutation ($input: PlanMeetingInput!) {
    planMeeting(input: $input) {
      id
      status
      statusLabel
      startsAt
      seriesId
    }
  }
`;
export const PLAN_SERIES = /* GraphQL */ `
  mutation ($input: PlanMeetingSeriesInput!) {
    planMeetingSeries(input: $input) {
      id
      startsAt
      seriesId
    }
  }
`;
export const SUGGESTIONS = /* GraphQL */ `
  query ($m: ID!, $first: Int, $after: String) {
    agendaSuggestions(meetingId: $m, first: $first, after: $after) {
      edges {
        cursor
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
`;
export const ADD_ITEM = /* GraphQL */ `
  mutation ($input: AgendaItemInput!) { addAgendaItem(input: $input) { ${AGENDA_FIELDS} } }
`;
export const UPDATE_ITEM = /* GraphQL */ `
  mutation ($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { ${AGENDA_FIELDS} } }
`;
export const REMOVE_ITEM = /* GraphQL */ `
  mutation ($id: ID!) { removeAgendaItem(itemId: $id) { ${AGENDA_FIELDS} } }
`;
export const REORDER = /* GraphQL */ `
  mutation ($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { ${AGENDA_FIELDS} } }
`;
export const PUBLISH_AGENDA = /* GraphQL */ `
  mutation ($m: ID!) {
    publishAgenda(meetingId: $m) {
      id
      status
      agendaPublishedAt
    }
  }
`;
export const AGENDA = /* GraphQL */ `
  query ($m: ID!) { meetingAgenda(meetingId: $m) { ${AGENDA_FIELDS} } }
`;

export const RECORD_ATTENDANCE = /* GraphQL */ `
  mutation ($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      id
    }
  }
`;
export const RECORD_ITEM = /* GraphQL */ `
  mutation ($input: RecordItemInput!) {
    recordAgendaItem(input: $input) {
      id
    }
  }
`;
export const ADD_NOTE = /* GraphQL */ `
  mutation ($input: RestrictedNoteInput!) {
    addRestrictedNote(input: $input)
  }
`;
export const MARK_HELD = /* GraphQL */ `
  mutation ($m: ID!) {
    markMeetingHeld(meetingId: $m) {
      id
      status
    }
  }
`;
export const PUBLISH_MINUTES = /* GraphQL */ `
  mutation ($m: ID!) {
    publishMinutes(meetingId: $m) {
      id
      status
    }
  }
`;
export const MINUTES = /* GraphQL */ `
  query ($m: ID!) {
    meetingMinutes(meetingId: $m) {
      published
      attendance {
        userId
        status
      }
      items {
        itemId
        caseCode
        attended
        personAttended
        summary
        nextReviewOn
        redactedFields
        decisions {
          text
          rationale
        }
        actions {
          id
          description
          ownerOrganisationId
          dueOn
          status
        }
        restrictedNotes {
          category
          text
        }
      }
    }
  }
`;
export const UPDATE_ACTION = /* GraphQL */ `
  mutation ($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id
      status
      dueOn
    }
  }
`;

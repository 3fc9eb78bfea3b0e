import { graphql } from '../../graphql/graphql';
import type { ResultOf, VariablesOf } from '../../graphql/graphql';

/**
 * The meeting whose minutes the page shows, its items by case code (everyone who may read the agenda
 * reads them), and who I am there: whether I coordinate.
 */
export const MinutesMeetingQuery = graphql(`
  query MinutesMeeting($meetingId: ID!) {
    meetingAgenda(meetingId: $meetingId) {
      meeting {
        id
        territoryId
        startsAt
        place
        status
      }
      items {
        id
        position
        caseCode
        kind
      }
    }
    me {
      id
      memberships {
        id
        status
        roles
        territory {
          id
        }
      }
    }
  }
`);

/** The minutes as one reader reads them: the same fields for my own reading and for a preview. */
export const MinutesFields = graphql(`
  fragment MinutesFields on Minutes @_unmask {
    meetingId
    published
    attendance {
      userId
      organisationId
      status
    }
    items {
      itemId
      position
      caseCode
      kind
      attended
      personAttended
      summary
      nextReviewOn
      personInformedOn
      personAnswer
      redactedFields
      decisions {
        id
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
        id
        category
        text
      }
    }
  }
`);

export const MeetingMinutesQuery = graphql(
  `
    query MeetingMinutes($meetingId: ID!) {
      meetingMinutes(meetingId: $meetingId) {
        ...MinutesFields
      }
    }
  `,
  [MinutesFields],
);

/** The minutes as a member of that partner will read them, computed by the server for that reader. */
export const MinutesPreviewQuery = graphql(
  `
    query MinutesPreview($meetingId: ID!, $organisationId: ID!) {
      meetingMinutesPreview(meetingId: $meetingId, organisationId: $organisationId) {
        organisationId
        organisationName
        organisationKind
        readerProfession
        readerSharingCategory
        minutes {
          ...MinutesFields
        }
      }
    }
  `,
  [MinutesFields],
);

/** The items where I may add a restricted note, and under which categories. */
export const RestrictedNoteChoicesQuery = graphql(`
  query RestrictedNoteChoices($meetingId: ID!) {
    restrictedNoteChoices(meetingId: $meetingId) {
      itemId
      categories
    }
  }
`);

export const AddRestrictedNoteMutation = graphql(`
  mutation AddRestrictedNote($input: RestrictedNoteInput!) {
    addRestrictedNote(input: $input)
  }
`);

export const PublishMinutesMutation = graphql(`
  mutation PublishMinutes($meetingId: ID!) {
    publishMinutes(meetingId: $meetingId) {
      id
      status
    }
  }
`);

export const RecordPersonAnswerMutation = graphql(`
  mutation RecordPersonAnswer($input: PersonAnswerInput!) {
    recordPersonAnswer(input: $input)
  }
`);

export type MinutesMeeting = ResultOf<typeof MinutesMeetingQuery>['meetingAgenda'];
export type Minutes = ResultOf<typeof MinutesFields>;
export type MinutesItem = Minutes['items'][number];
/** A partner the minutes name, as the directory names it. */
export interface Partner {
  id: string;
  name: string;
}
export type MinutesPreview = ResultOf<typeof MinutesPreviewQuery>['meetingMinutesPreview'];
export type NoteCategory = VariablesOf<typeof AddRestrictedNoteMutation>['input']['category'];
export type PersonAnswer = VariablesOf<typeof RecordPersonAnswerMutation>['input']['answer'];

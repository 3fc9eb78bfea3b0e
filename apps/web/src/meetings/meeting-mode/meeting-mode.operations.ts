import { graphql } from '../../graphql/graphql';
import type { ResultOf } from '../../graphql/graphql';

/**
 * The meeting as the room sees it: its items by case code and pseudonym (the agenda carries no
 * identity), their time boxes and guests, and the cell's standing invitees.
 */
export const MeetingModeAgendaQuery = graphql(`
  query MeetingModeAgenda($meetingId: ID!) {
    meetingAgenda(meetingId: $meetingId) {
      meeting {
        id
        territoryId
        status
        statusLabel
        startsAt
        place
      }
      totalMinutes
      standingInvitees {
        userId
        organisationId
        kind
      }
      items {
        id
        position
        kind
        minutes
        caseCode
        pseudonym
        presentation
        guestOrganisationIds
      }
    }
  }
`);

export type MeetingModeAgenda = ResultOf<typeof MeetingModeAgendaQuery>['meetingAgenda'];
export type MeetingModeItem = MeetingModeAgenda['items'][number];

/** Who runs the meeting: the coordinator chairs, in the room whether or not she sits in the cell. */
export const MeetingModeChairQuery = graphql(`
  query MeetingModeChair {
    me {
      id
    }
  }
`);

/**
 * The professionals of the partners invited to an item, expected in the room with the cell (a
 * hundred at most: past them, the attendance's search field adds whoever came).
 */
export const MeetingGuestProfessionalsQuery = graphql(`
  query MeetingGuestProfessionals($territoryId: ID!, $organisationIds: [ID!]!) {
    territoryMembers(territoryId: $territoryId, organisationIds: $organisationIds, first: 100) {
      edges {
        node {
          user {
            id
            firstName
            lastName
            organisationId
          }
        }
      }
    }
  }
`);

/**
 * What is already recorded of the meeting (coordination only): read when the page opens, so that
 * a reload in the middle of the meeting keeps the attendance and the items saved.
 */
export const MeetingProgressQuery = graphql(`
  query MeetingModeProgress($meetingId: ID!) {
    meetingProgress(meetingId: $meetingId) {
      meetingId
      attendanceRecorded
      attendance {
        userId
        status
        representedByUserId
      }
      items {
        itemId
        recordedAt
        presentUserIds
        record {
          summary
          personAttended
          nextReviewOn
        }
        decisions {
          decision {
            text
          }
          actions {
            description
            ownerOrganisationId
            ownerUserId
            dueOn
          }
        }
      }
    }
  }
`);

export type MeetingModeProgress = ResultOf<typeof MeetingProgressQuery>['meetingProgress'];

export const RecordAttendanceMutation = graphql(`
  mutation RecordMeetingAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      id
    }
  }
`);

/** Once per item: who was in the room, the summary, the decisions and their actions, the next review. */
export const RecordAgendaItemMutation = graphql(`
  mutation RecordMeetingItem($input: RecordItemInput!) {
    recordAgendaItem(input: $input) {
      id
    }
  }
`);

export const MarkMeetingHeldMutation = graphql(`
  mutation MarkMeetingHeld($meetingId: ID!) {
    markMeetingHeld(meetingId: $meetingId) {
      id
      status
      statusLabel
    }
  }
`);

/**
 * The person's identity for one item, for `visibleSeconds`: sent with the client's own call (never
 * through `useMutation`, whose state would keep it) and kept in the reveal's component state only.
 */
export const RevealIdentityMutation = graphql(`
  mutation RevealIdentityInMeeting($input: RevealIdentityInput!) {
    revealIdentityInMeeting(input: $input) {
      itemId
      caseCode
      firstName
      lastName
      birthDate
      visibleSeconds
    }
  }
`);

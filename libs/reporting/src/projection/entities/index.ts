/*
 * The projection's tables, as agreed for the activity report, with these additions: `report_referrals`
 * has `urgency` and `redirect_target`; `report_actions` has `meeting_id`; `report_consents` and
 * `report_follow_ups` have the person record's opaque `person_id` (to count people, never to name
 * them); `report_follow_ups` has `requester_kind`; `report_handoffs` has `eviction_state`;
 * `report_memberships` has `roles`; and `report_examinations` (one row per agenda item recorded)
 * is where `first_examined_on` and `examinations` come from. `charter_version` reads `KIND:number`.
 */
import { ReportAction } from './report-action.entity';
import { ReportCharterAcceptance } from './report-charter-acceptance.entity';
import { ReportConsent } from './report-consent.entity';
import { ReportDerogation } from './report-derogation.entity';
import { ReportExamination } from './report-examination.entity';
import { ReportFollowUp } from './report-follow-up.entity';
import { ReportHandoff } from './report-handoff.entity';
import { ReportMeetingAttendance } from './report-meeting-attendance.entity';
import { ReportMeeting } from './report-meeting.entity';
import { ReportMembership } from './report-membership.entity';
import { ReportReferral } from './report-referral.entity';
import { ReportSituation } from './report-situation.entity';

export {
  ReportAction,
  ReportCharterAcceptance,
  ReportConsent,
  ReportDerogation,
  ReportExamination,
  ReportFollowUp,
  ReportHandoff,
  ReportMeeting,
  ReportMeetingAttendance,
  ReportMembership,
  ReportReferral,
  ReportSituation,
};

/** The projection's tables, in the order a rebuild clears them. */
export const PROJECTION_ENTITIES = [
  ReportReferral,
  ReportSituation,
  ReportAction,
  ReportConsent,
  ReportDerogation,
  ReportMembership,
  ReportCharterAcceptance,
  ReportMeeting,
  ReportMeetingAttendance,
  ReportExamination,
  ReportFollowUp,
  ReportHandoff,
];

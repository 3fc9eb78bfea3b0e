import { ReportAction } from './report-action.entity';
import { ReportCharterAcceptance } from './report-charter-acceptance.entity';
import { ReportConsent } from './report-consent.entity';
import { ReportDerogation } from './report-derogation.entity';
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
  ReportFollowUp,
  ReportHandoff,
];

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role, WORKING_ROLES } from '@relais/access';
import { Territory, User } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { RoleSession, sessionsByRole } from './support/role-sessions';

type Who = 'public' | 'any member' | Role[];

interface MatrixLine {
  who: Who;
  /** The operation names a territory: called for another territory, it must yield nothing. */
  territorial?: boolean;
  /** The domain's answer to an allowed caller with these arguments, when it is not a success. */
  answers?: 'BAD_USER_INPUT' | 'CONFLICT';
  /** A call with well-formed arguments, so only authorization can refuse it. */
  call: (context: { territory: Territory; sessions: Record<Role, RoleSession>; targetUserId: string }) => {
    query: string;
    variables?: Record<string, unknown>;
  };
}

const ADMIN_ONLY: Role[] = [Role.TERRITORY_ADMIN];
/** Everyone working in the territory; an auditor reads the audit log and nothing else. */
const DIRECTORY: Role[] = [
  Role.COORDINATOR,
  Role.CELL_MEMBER,
  Role.REFERRER,
  Role.FOLLOWUP_PRACTITIONER,
  Role.TERRITORY_ADMIN,
];

/** Everyone who works on situations: not the administrator, not the auditor. */
const WORKING: Role[] = [...WORKING_ROLES];
/** A well-formed id that names nothing: an allowed caller gets NOT_FOUND, never a refusal. */
const UNKNOWN_ID = '5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10';
/** A meeting's start the input rules accept (within the next 5 years). */
const IN_A_MONTH = new Date(Date.now() + 30 * 86_400_000).toISOString();

function referralReason(mutation: string) {
  return {
    query: `mutation ($i: ReferralReasonInput!) { ${mutation}(input: $i) { id } }`,
    variables: { i: { referralId: UNKNOWN_ID, reason: 'Motif de la matrice' } },
  };
}

/**
 * Every query and mutation of the schema, who may call it, and a call to try. A new operation
 * without its line here fails the first test.
 */
const MATRIX: Record<string, MatrixLine> = {
  'Query.me': { who: 'any member', call: () => ({ query: '{ me { id } }' }) },
  'Query.organisations': {
    who: DIRECTORY,
    territorial: true,
    call: ({ territory }) => ({
      // With its filters: asking for ids or a name opens nothing the list itself does not.
      query:
        'query ($t: ID!, $ids: [ID!]) { all: organisations(territoryId: $t) { edges { node { id } } } named: organisations(territoryId: $t, ids: $ids, search: "e") { edges { node { id } } } }',
      variables: { t: territory.id, ids: [UNKNOWN_ID] },
    }),
  },
  'Query.territoryMembers': {
    who: DIRECTORY,
    territorial: true,
    call: ({ territory }) => ({
      query:
        'query ($t: ID!, $ids: [ID!]) { all: territoryMembers(territoryId: $t) { edges { node { user { id } membership { roles } } } } named: territoryMembers(territoryId: $t, userIds: $ids, organisationIds: $ids, search: "e") { totalCount } }',
      variables: { t: territory.id, ids: [UNKNOWN_ID] },
    }),
  },
  'Query.charters': {
    who: 'any member',
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { charters(territoryId: $t) { id } }',
      variables: { t: territory.id },
    }),
  },
  'Query.auditEvents': {
    who: [Role.AUDITOR],
    territorial: true,
    call: ({ territory }) => ({
      query:
        'query ($f: AuditEventFilterInput!) { auditEvents(filter: $f, first: 10) { edges { node { id } } } }',
      variables: { f: { territoryId: territory.id } },
    }),
  },
  'Query.accessLog': {
    who: [Role.COORDINATOR, Role.AUDITOR],
    territorial: true,
    call: ({ territory, targetUserId }) => ({
      query:
        'query ($t: ID!, $s: ID!) { accessLog(territoryId: $t, subjectId: $s, first: 10) { edges { node { id } } } }',
      variables: { t: territory.id, s: targetUserId },
    }),
  },
  'Query.auditChainVerification': {
    who: [Role.AUDITOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { auditChainVerification(territoryId: $t) { valid } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.sealAuditChain': {
    who: [Role.AUDITOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'mutation ($t: ID!) { sealAuditChain(territoryId: $t) { status } }',
      variables: { t: territory.id },
    }),
  },
  'Query.accessBasis': {
    who: 'any member',
    call: ({ sessions }) => ({
      query: 'query ($s: ID!) { accessBasis(subjectType: "User", subjectId: $s) { basis } }',
      variables: { s: sessions.CELL_MEMBER.userId },
    }),
  },
  'Query.notifications': {
    who: WORKING,
    call: () => ({ query: '{ notifications(unreadOnly: true, first: 10) { edges { node { id title } } } }' }),
  },
  'Query.unreadNotificationCount': { who: WORKING, call: () => ({ query: '{ unreadNotificationCount }' }) },
  'Mutation.markNotificationRead': {
    who: WORKING,
    call: () => ({
      query: 'mutation ($n: ID!) { markNotificationRead(notificationId: $n) { id } }',
      variables: { n: UNKNOWN_ID },
    }),
  },
  'Mutation.markAllNotificationsRead': {
    who: WORKING,
    call: () => ({ query: 'mutation { markAllNotificationsRead }' }),
  },
  'Query.myNotificationPreferences': {
    who: 'any member',
    call: () => ({ query: '{ myNotificationPreferences { emailMode } }' }),
  },
  'Mutation.setEmailMode': {
    who: 'any member',
    call: () => ({ query: 'mutation { setEmailMode(emailMode: DAILY_DIGEST) { emailMode } }' }),
  },
  'Query.reminderPolicies': {
    who: [Role.COORDINATOR, Role.TERRITORY_ADMIN],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { reminderPolicies(territoryId: $t) { kind enabled } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.tuneReminderPolicy': {
    who: [Role.COORDINATOR, Role.TERRITORY_ADMIN],
    territorial: true,
    answers: 'BAD_USER_INPUT',
    // Out of bounds: refused by validation after authorization, so the territory's tuning stays as it was.
    call: ({ territory }) => ({
      query: 'mutation ($i: TuneReminderPolicyInput!) { tuneReminderPolicy(input: $i) { kind } }',
      variables: {
        i: {
          territoryId: territory.id,
          kind: 'ACTION_DUE',
          enabled: true,
          offsetsDays: [-900],
          maxRepeats: 0,
        },
      },
    }),
  },
  'Mutation.publishCharter': {
    who: [Role.TERRITORY_ADMIN, Role.COORDINATOR],
    territorial: true,
    answers: 'BAD_USER_INPUT',
    // A text too short for validation: nothing is published, which would gate the other lines.
    call: ({ territory }) => ({
      query: 'mutation ($i: PublishCharterInput!) { publishCharter(input: $i) { id } }',
      variables: { i: { territoryId: territory.id, kind: 'RULES', title: 'Règlement', body: 'trop court' } },
    }),
  },
  'Mutation.acceptCharter': {
    who: 'any member',
    call: () => ({
      query: 'mutation ($c: ID!) { acceptCharter(charterId: $c) { id } }',
      variables: { c: '5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10' },
    }),
  },
  'Query.situation': {
    who: [Role.COORDINATOR, Role.CELL_MEMBER, Role.REFERRER, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'query ($s: ID!) { situation(situationId: $s) { id } }',
      variables: { s: UNKNOWN_ID },
    }),
  },
  'Query.situations': {
    // Row level, as for one situation: the coordination's territory, a partner's circle.
    who: [Role.COORDINATOR, Role.CELL_MEMBER, Role.REFERRER, Role.FOLLOWUP_PRACTITIONER],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { situations(territoryId: $t, first: 5) { edges { node { id nextStep } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.referral': {
    who: WORKING,
    call: () => ({
      query: 'query ($r: ID!) { referral(referralId: $r) { id } }',
      variables: { r: UNKNOWN_ID },
    }),
  },
  'Query.referrals': {
    who: WORKING,
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { referrals(territoryId: $t) { edges { node { id redactedFields } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.myOrganisationReferrals': {
    who: [Role.REFERRER],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { myOrganisationReferrals(territoryId: $t) { edges { node { id status } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.consents': {
    who: [Role.COORDINATOR, Role.REFERRER],
    call: () => ({
      query: 'query ($p: ID!) { consents(personId: $p) { id } }',
      variables: { p: UNKNOWN_ID },
    }),
  },
  'Query.consentReceipt': {
    who: [Role.COORDINATOR, Role.REFERRER],
    call: () => ({
      query: 'query ($c: ID!) { consentReceipt(consentId: $c) }',
      variables: { c: UNKNOWN_ID },
    }),
  },
  'Query.derogations': {
    who: WORKING,
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { derogations(territoryId: $t) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.createReferral': {
    who: [Role.REFERRER],
    territorial: true,
    call: ({ territory }) => ({
      query: 'mutation ($i: CreateReferralInput!) { createReferral(input: $i) { id } }',
      variables: {
        i: {
          territoryId: territory.id,
          person: { firstName: 'Matrice', lastName: 'Essai', protectionMeasure: 'NONE' },
          form: {
            difficultyAreas: ['ISOLATION'],
            servicesInvolved: [],
            urgency: 'LOW',
            requests: ['ADVICE'],
          },
        },
      },
    }),
  },
  'Mutation.updateReferral': {
    who: [Role.REFERRER],
    call: () => ({
      query: 'mutation ($i: UpdateReferralInput!) { updateReferral(input: $i) { id } }',
      variables: {
        i: {
          referralId: UNKNOWN_ID,
          form: { difficultyAreas: [], servicesInvolved: [], urgency: 'LOW', requests: ['ADVICE'] },
        },
      },
    }),
  },
  'Mutation.submitReferral': {
    who: [Role.REFERRER],
    call: () => ({
      query: 'mutation ($i: SubmitReferralInput!) { submitReferral(input: $i) { id } }',
      variables: {
        i: {
          referralId: UNKNOWN_ID,
          commonLawRoutesTried: true,
          notAnEmergency: true,
          imminentDanger: false,
        },
      },
    }),
  },
  'Mutation.withdrawReferral': {
    who: [Role.REFERRER],
    call: () => referralReason('withdrawReferral'),
  },
  'Mutation.startReferralPreReview': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($r: ID!) { startReferralPreReview(referralId: $r) { id } }',
      variables: { r: UNKNOWN_ID },
    }),
  },
  'Mutation.acceptReferral': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: AcceptReferralInput!) { acceptReferral(input: $i) { id } }',
      variables: { i: { referralId: UNKNOWN_ID } },
    }),
  },
  'Mutation.redirectReferral': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: RedirectReferralInput!) { redirectReferral(input: $i) { id } }',
      variables: { i: { referralId: UNKNOWN_ID, target: 'MDPH', message: 'Relève de la MDPH.' } },
    }),
  },
  'Mutation.requestReferralConsent': {
    who: [Role.COORDINATOR],
    call: () => referralReason('requestReferralConsent'),
  },
  'Mutation.recordConsent': {
    who: [Role.COORDINATOR, Role.REFERRER],
    call: () => ({
      query: 'mutation ($r: ID!, $i: ConsentInput!) { recordConsent(referralId: $r, input: $i) { id } }',
      variables: {
        r: UNKNOWN_ID,
        i: {
          status: 'REFUSED',
          method: 'WRITTEN',
          collectedOn: '2026-01-05',
          informationGiven: [],
          wishesToAttend: false,
          purposes: [],
          organisationIds: [],
          organisationKinds: [],
          includesCell: false,
          dataCategories: [],
        },
      },
    }),
  },
  'Mutation.withdrawConsent': {
    who: [Role.COORDINATOR, Role.REFERRER],
    call: () => ({
      query: 'mutation ($c: ID!) { withdrawConsent(consentId: $c) { id } }',
      variables: { c: UNKNOWN_ID },
    }),
  },
  'Mutation.requestDerogation': {
    // A health or social professional of the cell, the referrer, the coordinator.
    who: [Role.COORDINATOR, Role.REFERRER, Role.CELL_MEMBER],
    call: () => ({
      query:
        'mutation ($r: ID!, $i: DerogationInput!) { requestDerogation(referralId: $r, input: $i) { id } }',
      variables: {
        r: UNKNOWN_ID,
        i: {
          ground: 'PERIL',
          justification: 'Péril constaté, consentement impossible à recueillir ce jour.',
          organisationIds: [UNKNOWN_ID],
          dataCategories: ['IDENTITY'],
        },
      },
    }),
  },
  'Mutation.approveDerogation': {
    // Health and social professionals only: the coordinator and the bailleur are outside the list.
    who: [Role.CELL_MEMBER, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($d: ID!) { approveDerogation(derogationId: $d) { id } }',
      variables: { d: UNKNOWN_ID },
    }),
  },
  'Mutation.rejectDerogation': {
    who: [Role.CELL_MEMBER, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($d: ID!, $n: String!) { rejectDerogation(derogationId: $d, note: $n) { id } }',
      variables: { d: UNKNOWN_ID, n: 'Le consentement peut être recueilli.' },
    }),
  },
  'Query.meetings': {
    who: [Role.COORDINATOR, Role.CELL_MEMBER, Role.REFERRER, Role.FOLLOWUP_PRACTITIONER],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { meetings(territoryId: $t, period: PAST) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.meetingAgenda': {
    who: [Role.COORDINATOR, Role.CELL_MEMBER, Role.REFERRER, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'query ($m: ID!) { meetingAgenda(meetingId: $m) { totalMinutes } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Query.agendaSuggestions': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'query ($m: ID!) { agendaSuggestions(meetingId: $m) { edges { node { situationId } } } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Mutation.planMeeting': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: PlanMeetingInput!) { planMeeting(input: $i) { id } }',
      variables: { i: { cellId: UNKNOWN_ID, startsAt: IN_A_MONTH, place: 'Mairie' } },
    }),
  },
  'Mutation.planMeetingSeries': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: PlanMeetingSeriesInput!) { planMeetingSeries(input: $i) { id } }',
      variables: { i: { cellId: UNKNOWN_ID, startsAt: IN_A_MONTH, place: 'Mairie', count: 2 } },
    }),
  },
  'Mutation.cancelMeeting': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($m: ID!) { cancelMeeting(meetingId: $m) { id } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Mutation.addAgendaItem': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: AgendaItemInput!) { addAgendaItem(input: $i) { totalMinutes } }',
      variables: { i: { meetingId: UNKNOWN_ID, situationId: UNKNOWN_ID, guestOrganisationIds: [] } },
    }),
  },
  'Mutation.updateAgendaItem': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: UpdateAgendaItemInput!) { updateAgendaItem(input: $i) { totalMinutes } }',
      variables: { i: { itemId: UNKNOWN_ID, kind: 'REVIEW', minutes: 20, guestOrganisationIds: [] } },
    }),
  },
  'Mutation.removeAgendaItem': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: ID!) { removeAgendaItem(itemId: $i) { totalMinutes } }',
      variables: { i: UNKNOWN_ID },
    }),
  },
  'Mutation.reorderAgenda': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: ReorderAgendaInput!) { reorderAgenda(input: $i) { totalMinutes } }',
      variables: { i: { meetingId: UNKNOWN_ID, itemIds: [] } },
    }),
  },
  'Mutation.publishAgenda': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($m: ID!) { publishAgenda(meetingId: $m) { id } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Query.meetingMinutes': {
    who: WORKING,
    call: () => ({
      query: 'query ($m: ID!) { meetingMinutes(meetingId: $m) { published } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Query.meetingProgress': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'query ($m: ID!) { meetingProgress(meetingId: $m) { attendanceRecorded } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Mutation.recordAttendance': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
      variables: { i: { meetingId: UNKNOWN_ID, entries: [] } },
    }),
  },
  'Mutation.recordAgendaItem': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: RecordItemInput!) { recordAgendaItem(input: $i) { id } }',
      variables: { i: { itemId: UNKNOWN_ID, presentUserIds: [], personAttended: false, decisions: [] } },
    }),
  },
  'Mutation.revealIdentityInMeeting': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: RevealIdentityInput!) { revealIdentityInMeeting(input: $i) { itemId } }',
      variables: { i: { itemId: UNKNOWN_ID } },
    }),
  },
  'Mutation.addRestrictedNote': {
    // Row level: the coordinator, or someone who was in the room for that item.
    who: WORKING,
    call: () => ({
      query: 'mutation ($i: RestrictedNoteInput!) { addRestrictedNote(input: $i) }',
      variables: { i: { itemId: UNKNOWN_ID, category: 'SOCIAL_CONFIDENTIAL', text: 'Note de la matrice' } },
    }),
  },
  'Mutation.recordPersonAnswer': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: PersonAnswerInput!) { recordPersonAnswer(input: $i) }',
      variables: { i: { itemId: UNKNOWN_ID, informedOn: '2026-01-05', answer: 'AGREES' } },
    }),
  },
  'Mutation.markMeetingHeld': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($m: ID!) { markMeetingHeld(meetingId: $m) { id } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Mutation.publishMinutes': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($m: ID!) { publishMinutes(meetingId: $m) { id } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Query.meetingMinutesPreview': {
    who: [Role.COORDINATOR],
    call: () => ({
      query:
        'query ($m: ID!, $o: ID!) { meetingMinutesPreview(meetingId: $m, organisationId: $o) { organisationId } }',
      variables: { m: UNKNOWN_ID, o: UNKNOWN_ID },
    }),
  },
  'Query.restrictedNoteChoices': {
    // Row level: the coordinator, or someone who was in the room for an item.
    who: WORKING,
    call: () => ({
      query: 'query ($m: ID!) { restrictedNoteChoices(meetingId: $m) { itemId } }',
      variables: { m: UNKNOWN_ID },
    }),
  },
  'Mutation.updateAction': {
    // Row level: the coordinator, or the organisation the action is addressed to.
    who: WORKING,
    call: () => ({
      query: 'mutation ($i: UpdateActionInput!) { updateAction(input: $i) { id } }',
      variables: { i: { actionId: UNKNOWN_ID, status: 'DONE' } },
    }),
  },
  'Query.myOrganisationActions': {
    // Row level, as for updateAction: the actions addressed to the caller's organisation.
    who: WORKING,
    territorial: true,
    call: ({ territory }) => ({
      query:
        'query ($t: ID!) { myOrganisationActions(territoryId: $t, first: 5) { edges { node { id outcome } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.referralsToReview': {
    // The coordination's queue; the cell reads the anonymous pre-review through referrals.
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { referralsToReview(territoryId: $t, first: 5) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.overdueActions': {
    // Every partner's late actions: the coordination's follow-through, no one else's.
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { overdueActions(territoryId: $t, first: 5) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.handoffsAwaitingAnswer': {
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query:
        'query ($t: ID!) { handoffsAwaitingAnswer(territoryId: $t, first: 5) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  // The person's rights (RGPD 15–21) are answered by the coordination alone.
  'Mutation.recordDataSubjectRequest': {
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'mutation ($i: RecordDataSubjectRequestInput!) { recordDataSubjectRequest(input: $i) { id } }',
      variables: {
        i: {
          territoryId: territory.id,
          personId: UNKNOWN_ID,
          kind: 'ACCESS',
          receivedOn: new Date().toISOString().slice(0, 10),
          request: 'Demande de la matrice',
        },
      },
    }),
  },
  'Mutation.startDataSubjectRequest': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($r: ID!) { startDataSubjectRequest(requestId: $r) { id } }',
      variables: { r: UNKNOWN_ID },
    }),
  },
  'Mutation.answerDataSubjectRequest': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: AnswerDataSubjectRequestInput!) { answerDataSubjectRequest(input: $i) { id } }',
      variables: { i: { requestId: UNKNOWN_ID, status: 'DONE', outcome: 'Réponse de la matrice' } },
    }),
  },
  'Query.dataSubjectRequests': {
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { dataSubjectRequests(territoryId: $t, first: 5) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.closeSituation': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($s: ID!) { closeSituation(situationId: $s, reason: NO_LONGER_COMPLEX) { id } }',
      variables: { s: UNKNOWN_ID },
    }),
  },
  'Query.retentionPolicy': {
    who: [Role.COORDINATOR, Role.TERRITORY_ADMIN],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { retentionPolicy(territoryId: $t) { auditMonths } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.updateRetentionPolicy': {
    who: ADMIN_ONLY,
    territorial: true,
    answers: 'BAD_USER_INPUT',
    // Under the six months' minimum: refused after authorization, the territory's periods unchanged.
    call: ({ territory }) => ({
      query:
        'mutation ($i: UpdateRetentionPolicyInput!) { updateRetentionPolicy(input: $i) { auditMonths } }',
      variables: {
        i: {
          territoryId: territory.id,
          activeMonths: 24,
          archiveMonths: 60,
          auditMonths: 3,
          justification: 'Matrice',
        },
      },
    }),
  },
  'Mutation.placeLegalHold': {
    who: [Role.COORDINATOR, Role.TERRITORY_ADMIN],
    territorial: true,
    answers: 'BAD_USER_INPUT',
    // A situation the territory does not have: refused after authorization, nothing held.
    call: ({ territory }) => ({
      query: 'mutation ($i: PlaceLegalHoldInput!) { placeLegalHold(input: $i) { id } }',
      variables: {
        i: { territoryId: territory.id, scope: 'SITUATION', situationId: UNKNOWN_ID, reason: 'Matrice' },
      },
    }),
  },
  'Mutation.liftLegalHold': {
    who: [Role.COORDINATOR, Role.TERRITORY_ADMIN],
    call: () => ({
      query: 'mutation ($h: ID!) { liftLegalHold(holdId: $h) { id } }',
      variables: { h: UNKNOWN_ID },
    }),
  },
  'Query.retentionPlan': {
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { retentionPlan(territoryId: $t) { steps { kind } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.archivedSituations': {
    // The archive is the coordination's alone, on request.
    who: [Role.COORDINATOR],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { archivedSituations(territoryId: $t, first: 5) { edges { node { id } } } }',
      variables: { t: territory.id },
    }),
  },
  'Query.followUp': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'query ($f: ID!) { followUp(followUpId: $f) { id } }',
      variables: { f: UNKNOWN_ID },
    }),
  },
  'Query.handoffs': {
    who: WORKING,
    call: () => ({
      query: 'query ($s: ID!) { handoffs(situationId: $s) { id } }',
      variables: { s: UNKNOWN_ID },
    }),
  },
  'Query.myFollowUps': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({ query: '{ myFollowUps(first: 5) { edges { node { id } } } }' }),
  },
  'Query.situationFollowUps': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'query ($s: ID!) { situationFollowUps(situationId: $s, first: 5) { edges { node { id } } } }',
      variables: { s: UNKNOWN_ID },
    }),
  },
  'Query.handoff': {
    who: WORKING,
    call: () => ({
      query: 'query ($h: ID!) { handoff(handoffId: $h) { id } }',
      variables: { h: UNKNOWN_ID },
    }),
  },
  'Query.incomingHandoffs': {
    who: WORKING,
    call: () => ({ query: '{ incomingHandoffs(first: 5) { edges { node { id } } } }' }),
  },
  'Query.handoffRecipients': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query:
        'query ($s: ID!) { handoffRecipients(situationId: $s, first: 5) { edges { node { organisationId } } } }',
      variables: { s: UNKNOWN_ID },
    }),
  },
  'Mutation.startFollowUp': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: StartFollowUpInput!) { startFollowUp(input: $i) { id } }',
      variables: {
        i: {
          situationId: UNKNOWN_ID,
          kind: 'ASSESSMENT',
          requesterKind: 'HOUSING',
          objectives: [],
          team: [],
        },
      },
    }),
  },
  'Mutation.assignTeamMember': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { id } }',
      variables: { i: { followUpId: UNKNOWN_ID, role: 'FAMILY_SOCIAL_WORKER', userId: UNKNOWN_ID } },
    }),
  },
  'Mutation.moveFollowUpToPhase': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($f: ID!) { moveFollowUpToPhase(followUpId: $f, phase: ASSESSMENT) { id } }',
      variables: { f: UNKNOWN_ID },
    }),
  },
  'Mutation.renewFollowUp': {
    who: [Role.COORDINATOR],
    call: () => ({
      query: 'mutation ($f: ID!) { renewFollowUp(followUpId: $f, reason: "Objectifs en cours") { id } }',
      variables: { f: UNKNOWN_ID },
    }),
  },
  'Mutation.recordFollowUpAct': {
    who: [Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($i: RecordActInput!) { recordFollowUpAct(input: $i) { id } }',
      variables: {
        i: {
          followUpId: UNKNOWN_ID,
          occurredOn: '2026-01-05',
          type: 'PHONE',
          durationMinutes: 10,
          presentUserIds: [],
          noteVisibility: 'TEAM',
        },
      },
    }),
  },
  'Mutation.endFollowUp': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($f: ID!) { endFollowUp(followUpId: $f) { id } }',
      variables: { f: UNKNOWN_ID },
    }),
  },
  'Mutation.proposeHandoff': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($i: ProposeHandoffInput!) { proposeHandoff(input: $i) { id } }',
      variables: {
        i: {
          situationId: UNKNOWN_ID,
          receivingOrganisationId: UNKNOWN_ID,
          cmpFollowUpStatus: 'NONE',
          evictionProcedureState: 'NONE',
          rightsOpened: [],
          personAgreed: true,
        },
      },
    }),
  },
  'Mutation.answerHandoff': {
    who: WORKING,
    call: () => ({
      query: 'mutation ($i: AnswerHandoffInput!) { answerHandoff(input: $i) { id } }',
      variables: { i: { handoffId: UNKNOWN_ID, accept: true } },
    }),
  },
  'Mutation.setFollowUpObjectiveStatus': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    call: () => ({
      query: 'mutation ($i: ObjectiveStatusInput!) { setFollowUpObjectiveStatus(input: $i) { id } }',
      variables: { i: { objectiveId: UNKNOWN_ID, status: 'ACHIEVED' } },
    }),
  },
  'Query.followUpIndicators': {
    who: [Role.COORDINATOR, Role.FOLLOWUP_PRACTITIONER],
    territorial: true,
    call: ({ territory }) => ({
      query: 'query ($t: ID!) { followUpIndicators(territoryId: $t) { followUps } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.narrowSharingMatrix': {
    who: ADMIN_ONLY,
    territorial: true,
    // No entry: the default matrix stays, so the other lines read as before.
    call: ({ territory }) => ({
      query: 'mutation ($i: NarrowSharingMatrixInput!) { narrowSharingMatrix(input: $i) { reader } }',
      variables: { i: { territoryId: territory.id, entries: [] } },
    }),
  },
  'Mutation.setSecondFactorPolicy': {
    who: ADMIN_ONLY,
    territorial: true,
    // Back to the default (the roles that read identity): the other lines' sessions stay as they are.
    call: ({ territory }) => ({
      query: 'mutation ($i: SecondFactorPolicyInput!) { setSecondFactorPolicy(input: $i) { allMembers } }',
      variables: { i: { territoryId: territory.id, allMembers: false } },
    }),
  },
  'Mutation.resetSecondFactor': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory, targetUserId }) => ({
      query: 'mutation ($i: ResetSecondFactorInput!) { resetSecondFactor(input: $i) }',
      variables: { i: { territoryId: territory.id, userId: targetUserId } },
    }),
  },
  'Mutation.regenerateRecoveryCodes': {
    who: 'any member',
    // A code no authenticator shows: refused as a wrong code, the recovery codes stay as they are.
    answers: 'BAD_USER_INPUT',
    call: () => ({
      query: 'mutation ($i: SecondFactorCodeInput!) { regenerateRecoveryCodes(input: $i) }',
      variables: { i: { code: 'abcdef' } },
    }),
  },
  'Mutation.startSecondFactorEnrolment': {
    who: 'public',
    call: () => ({
      query:
        'mutation ($i: SecondFactorEnrolmentInput!) { startSecondFactorEnrolment(input: $i) { otpauthUri } }',
      variables: { i: { enrolmentToken: 'inconnu' } },
    }),
  },
  'Mutation.completeSecondFactorEnrolment': {
    who: 'public',
    call: () => ({
      query:
        'mutation ($i: CompleteSecondFactorEnrolmentInput!) { completeSecondFactorEnrolment(input: $i) { recoveryCodes } }',
      variables: { i: { enrolmentToken: 'inconnu', code: '123456' } },
    }),
  },
  'Mutation.logIn': {
    who: 'public',
    call: () => ({
      query: 'mutation { logIn(input: { email: "x@essai.relais.test", password: "x" }) { accessToken } }',
    }),
  },
  'Mutation.refreshSession': {
    who: 'public',
    call: () => ({
      query: 'mutation { refreshSession(input: { refreshToken: "inconnu" }) { accessToken } }',
    }),
  },
  'Mutation.logOut': { who: 'any member', call: () => ({ query: 'mutation { logOut }' }) },
  'Mutation.changePassword': {
    who: 'any member',
    // A new password the policy refuses: the caller's account stays as it is.
    answers: 'BAD_USER_INPUT',
    call: () => ({
      query: 'mutation ($i: ChangePasswordInput!) { changePassword(input: $i) }',
      variables: { i: { currentPassword: 'Essai-Relais-2026!', newPassword: 'court' } },
    }),
  },
  'Mutation.setPassword': {
    who: 'public',
    call: () => ({
      query: 'mutation ($i: SetPasswordInput!) { setPassword(input: $i) }',
      variables: { i: { token: 'inconnu', newPassword: 'un cheval brun mange des pommes' } },
    }),
  },
  'Mutation.createOrganisation': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory }) => ({
      query: 'mutation ($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      variables: {
        i: { territoryId: territory.id, name: `Matrice ${Date.now()}${Math.random()}`, kind: 'OTHER' },
      },
    }),
  },
  'Mutation.createUser': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory, sessions }) => ({
      query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
      variables: {
        i: {
          territoryId: territory.id,
          organisationId: sessions.CELL_MEMBER.organisationId,
          email: `matrice-${Date.now()}-${Math.floor(Math.random() * 1e6)}@essai.relais.test`,
          firstName: 'Matrice',
          lastName: 'Essai',
          profession: 'OTHER',
          roles: ['CELL_MEMBER'],
        },
      },
    }),
  },
  'Mutation.issueSetPasswordLink': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory, targetUserId }) => ({
      query: 'mutation ($i: MembershipTargetInput!) { issueSetPasswordLink(input: $i) { sentByEmail } }',
      variables: { i: { territoryId: territory.id, userId: targetUserId } },
    }),
  },
  'Mutation.grantRole': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory, targetUserId }) => ({
      query: 'mutation ($i: GrantRoleInput!) { grantRole(input: $i) { id } }',
      variables: { i: { territoryId: territory.id, userId: targetUserId, role: 'AUDITOR' } },
    }),
  },
  'Mutation.revokeRole': {
    who: ADMIN_ONLY,
    territorial: true,
    // The target does not hold the role: revoking a held one would end the sessions other lines use.
    answers: 'CONFLICT',
    call: ({ territory, sessions }) => ({
      query: 'mutation ($i: RevokeRoleInput!) { revokeRole(input: $i) { id } }',
      variables: { i: { territoryId: territory.id, userId: sessions.CELL_MEMBER.userId, role: 'REFERRER' } },
    }),
  },
  'Mutation.suspendMembership': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory, targetUserId }) => ({
      query: 'mutation ($i: MembershipTargetInput!) { suspendMembership(input: $i) { id } }',
      variables: { i: { territoryId: territory.id, userId: targetUserId } },
    }),
  },
  'Mutation.reactivateMembership': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory, targetUserId }) => ({
      query: 'mutation ($i: MembershipTargetInput!) { reactivateMembership(input: $i) { id } }',
      variables: { i: { territoryId: territory.id, userId: targetUserId } },
    }),
  },
  'Query.activityReport': {
    who: [Role.COORDINATOR, Role.STEERING],
    territorial: true,
    call: ({ territory }) => ({
      query:
        'query ($t: ID!) { activityReport(territoryId: $t, from: "2026-01-01", to: "2026-06-30") { from } }',
      variables: { t: territory.id },
    }),
  },
  'Mutation.setSmallCountThreshold': {
    who: ADMIN_ONLY,
    territorial: true,
    call: ({ territory }) => ({
      query: 'mutation ($i: SmallCountThresholdInput!) { setSmallCountThreshold(input: $i) { id } }',
      variables: { i: { territoryId: territory.id, threshold: 5 } },
    }),
  },
};

function isConnection(answer: unknown): answer is { edges: unknown[] } {
  return typeof answer === 'object' && answer !== null && 'edges' in answer;
}

describe('authorization matrix', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let targetUserId: string;
  let elsewhere: Territory;
  let elsewhereUserId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    targetUserId = (await api.factory.user({ territory, roles: [Role.CELL_MEMBER] })).id;
    elsewhere = await api.factory.territory();
    elsewhereUserId = (await api.factory.user({ territory: elsewhere, roles: [Role.CELL_MEMBER] })).id;
  });
  afterAll(() => api.close());

  it('has a line for every query and mutation the api serves', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const served = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    expect(served.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const operations = Object.entries(MATRIX);

  it.each(operations.filter(([, line]) => line.who !== 'public'))(
    '%s refuses a caller without a session',
    async (_name, line) => {
      const { query, variables } = line.call({ territory, sessions, targetUserId });
      const response = await api.anonymous.request(query, variables);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    },
  );

  const cases = operations.flatMap(([name, line]) =>
    Object.values(Role).map((role) => [name, role, line] as const),
  );

  it.each(cases)('%s as %s', async (_name, role, line) => {
    const { query, variables } = line.call({ territory, sessions, targetUserId });
    // logOut ends the session it is called with: each call gets a fresh one.
    const client: GraphqlClient =
      _name === 'Mutation.logOut' ? await freshClient(role) : sessions[role].client;
    const response = await client.request(query, variables);
    const code = response.errors?.[0]?.extensions?.code;
    const allowed = line.who === 'public' || line.who === 'any member' || line.who.includes(role);
    if (line.who === 'public') {
      // Reachable by anyone: an answer about the credentials given, never an access refusal.
      expect(code).not.toBe('FORBIDDEN');
    } else if (allowed) {
      // An allowed caller gets an answer: the data, not found for the unknown id, or the line's
      // stated domain answer — never a refusal, and never an unexpected error.
      expect([undefined, 'NOT_FOUND', line.answers]).toContain(code);
      if (!code) expect(Object.values(response.data ?? {})[0]).not.toBeUndefined();
    } else {
      expect(code).toBe('FORBIDDEN');
    }
  });

  const territorialCases = operations
    .filter(([, line]) => line.territorial)
    .flatMap(([name, line]) => Object.values(Role).map((role) => [name, role, line] as const));

  it.each(territorialCases)('%s as %s of another territory yields nothing', async (_name, role, line) => {
    const { query, variables } = line.call({ territory: elsewhere, sessions, targetUserId: elsewhereUserId });
    const response = await sessions[role].client.request<Record<string, unknown>>(query, variables);
    const code = response.errors?.[0]?.extensions?.code;
    if (code) {
      expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']).toContain(code);
    } else {
      const [answer] = Object.values(response.data ?? {});
      // A list, or a page of one (a connection) without a single edge.
      expect(isConnection(answer) ? answer.edges : answer).toEqual([]);
    }
  });

  it('writes nothing when it refuses: only the administrator created an account', async () => {
    const created = await api.dataSource
      .getRepository(User)
      .countBy({ territoryId: territory.id, firstName: 'Matrice' });
    expect(created).toBe(1);
  });

  async function freshClient(role: Role): Promise<GraphqlClient> {
    const user = await api.factory.user({ territory, roles: [role] });
    return (await logInClient(api.anonymous, user.email, user.password)).client;
  }
});

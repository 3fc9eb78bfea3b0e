import { ReportSection } from './activity-report.model';
import { PeriodName, ReportCounts } from './activity-report.queries';
import {
  ACTION_STATE_LABELS,
  ADMISSIBILITY_LABELS,
  CLOSURE_REASON_LABELS,
  CMP_FOLLOW_UP_LABELS,
  CONSENT_STATUS_LABELS,
  DEROGATION_GROUND_LABELS,
  DIFFICULTY_AREA_LABELS,
  FOLLOW_UP_KIND_LABELS,
  HANDOFF_STATUS_LABELS,
  labelOf,
  Labels,
  ORGANISATION_KIND_LABELS,
  OUTCOME_LABELS,
} from './report-labels';
import { median, ReportPeriod } from './report-period';
import {
  MeasuredBreakdown,
  MeasuredFigure,
  MeasuredSeries,
  PeriodMeasure,
  suppressBreakdown,
  suppressSeries,
} from './small-count-suppression';

const PERIODS: readonly PeriodName[] = ['current', 'previous'];

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Builds the figures from the counts; every one of them goes through suppression before leaving. */
class FigureMaker {
  constructor(private readonly counts: ReportCounts) {}

  private both(measure: (period: PeriodName) => PeriodMeasure): Pick<MeasuredFigure, 'current' | 'previous'> {
    const [current, previous] = PERIODS.map(measure);
    return { current, previous };
  }

  count(key: string, label: string, metric: string, code = ''): MeasuredFigure {
    return {
      key,
      label,
      unit: 'COUNT',
      ...this.both((period) => ({ value: this.counts.count(period, metric, code) })),
    };
  }

  /** Median of delays in days, hidden when taken over fewer cases than the threshold. */
  medianDays(key: string, label: string, metric: string): MeasuredFigure {
    return {
      key,
      label,
      unit: 'DAYS',
      ...this.both((period) => {
        const days = this.counts.days(period, metric);
        return { value: median(days), basis: [days.length] };
      }),
    };
  }

  /** `part` out of `whole` in percent: hidden when the part, the rest or the whole is small. */
  share(
    key: string,
    label: string,
    part: string,
    whole: string,
    code = '',
    restCounts = true,
  ): MeasuredFigure {
    return {
      key,
      label,
      unit: 'PERCENT',
      ...this.both((period) => {
        const numerator = this.counts.count(period, part, code);
        const denominator = this.counts.count(period, whole, code);
        return {
          value: denominator ? round1((100 * numerator) / denominator) : null,
          basis: restCounts ? [numerator, denominator, denominator - numerator] : [denominator],
        };
      }),
    };
  }

  /** `sum` per `cases`, hidden over fewer cases than the threshold. */
  mean(key: string, label: string, sum: string, cases: string): MeasuredFigure {
    return {
      key,
      label,
      unit: 'MEAN',
      ...this.both((period) => {
        const n = this.counts.count(period, cases);
        return { value: n ? round1(this.counts.count(period, sum) / n) : null, basis: [n] };
      }),
    };
  }

  /** One count per code of `metric`, every known code listed (zeros too), adding up to `total`. */
  byCode(
    breakdown: { key: string; title: string; chart: 'BAR' | 'NONE' },
    metric: string,
    labels: Labels,
    total: MeasuredFigure | null,
  ): MeasuredBreakdown {
    const figures = this.counts
      .keysOf(metric, Object.keys(labels))
      .map((code) => this.count(`${breakdown.key}.${code}`, labelOf(labels, code), metric, code));
    return { ...breakdown, figures, total };
  }

  series(
    key: string,
    title: string,
    metric: string,
    months: readonly string[],
    total: number | null,
  ): MeasuredSeries {
    return {
      key,
      title,
      points: months.map((month) => ({ month, current: this.counts.count('current', metric, month) })),
      total,
    };
  }
}

/** The report's sections, suppressed with the territory's threshold. */
export function buildReportSections(
  counts: ReportCounts,
  period: ReportPeriod,
  threshold: number,
): ReportSection[] {
  const make = new FigureMaker(counts);
  const section = (
    key: string,
    title: string,
    breakdowns: MeasuredBreakdown[],
    series: MeasuredSeries[] = [],
  ): ReportSection => ({
    key,
    title,
    breakdowns: breakdowns.map((breakdown) => suppressBreakdown(breakdown, threshold)),
    series: series.map((line) => suppressSeries(line, threshold)),
  });

  const referrals = make.count('referrals.total', 'Saisines reçues', 'total');
  const actions = make.count('actions.total', 'Actions décidées', 'actions');
  const closed = make.count('situations.closed', 'Situations closes', 'closed');
  const consents = make.count('consent.total', 'Réponses de personnes recueillies', 'consents');
  const derogations = make.count('derogations.total', 'Dérogations demandées', 'derogations');
  const followUps = make.count('followUps.total', 'Accompagnements en cours sur la période', 'followUps');
  const handoffs = make.count('handoffs.total', 'Passages de relais proposés', 'handoffs');
  const accepted = make.count('handoffs.accepted', 'Passages de relais acceptés', 'accepted');

  return [
    section(
      'referrals',
      'Saisines',
      [
        {
          key: 'referrals.overview',
          title: 'Saisines de la période',
          chart: 'NONE',
          figures: [referrals, make.count('referrals.urgent', 'Dont signalées urgentes', 'urgent')],
          total: null,
        },
        make.byCode(
          { key: 'referrals.byReferrerKind', title: 'Saisines par nature de l’auteur', chart: 'BAR' },
          'referrerKind',
          ORGANISATION_KIND_LABELS,
          referrals,
        ),
        // A referral may name several areas: these do not add up to the referrals.
        make.byCode(
          { key: 'referrals.byDifficultyArea', title: 'Saisines par domaine de difficulté', chart: 'BAR' },
          'difficultyArea',
          DIFFICULTY_AREA_LABELS,
          null,
        ),
        make.byCode(
          { key: 'referrals.admissibility', title: 'Recevabilité', chart: 'NONE' },
          'admissibility',
          ADMISSIBILITY_LABELS,
          referrals,
        ),
        make.byCode(
          { key: 'referrals.outcome', title: 'Suites données', chart: 'BAR' },
          'outcome',
          OUTCOME_LABELS,
          referrals,
        ),
      ],
      [
        make.series(
          'referrals.perMonth',
          'Saisines reçues par mois',
          'month',
          period.months,
          referrals.current.value,
        ),
      ],
    ),
    section('examination', 'Examen en cellule et délais', [
      {
        key: 'examination.delays',
        title: 'Examens et délais',
        chart: 'NONE',
        figures: [
          make.count('examination.firstExamined', 'Saisines examinées pour la première fois', 'examined'),
          make.medianDays(
            'examination.medianDaysToFirstExamination',
            'Délai médian de la saisine au premier examen (jours)',
            'examined',
          ),
          make.count('examination.represented', 'Situations présentées plus d’une fois', 'represented'),
          make.medianDays(
            'examination.medianDaysDecisionToDone',
            'Délai médian de la décision à l’action réalisée (jours)',
            'actionDone',
          ),
        ],
        total: null,
      },
    ]),
    section(
      'actions',
      'Actions décidées',
      [
        make.byCode(
          { key: 'actions.state', title: 'Où en sont les actions décidées', chart: 'BAR' },
          'actionState',
          ACTION_STATE_LABELS,
          actions,
        ),
      ],
      [
        make.series(
          'actions.perMonth',
          'Actions décidées par mois',
          'actionMonth',
          period.months,
          actions.current.value,
        ),
      ],
    ),
    section('situations', 'Situations', [
      {
        key: 'situations.flow',
        title: 'Ouvertures et clôtures',
        chart: 'NONE',
        figures: [make.count('situations.opened', 'Situations ouvertes', 'opened'), closed],
        total: null,
      },
      make.byCode(
        { key: 'situations.closureReasons', title: 'Motifs de clôture', chart: 'BAR' },
        'closureReason',
        CLOSURE_REASON_LABELS,
        closed,
      ),
    ]),
    section('consent', 'Consentement, dérogations et charte', [
      make.byCode(
        { key: 'consent.status', title: 'Réponses des personnes', chart: 'BAR' },
        'consentStatus',
        CONSENT_STATUS_LABELS,
        consents,
      ),
      {
        key: 'consent.withdrawals',
        title: 'Retraits',
        chart: 'NONE',
        figures: [make.count('consent.withdrawn', 'Consentements retirés sur la période', 'withdrawals')],
        total: null,
      },
      make.byCode(
        { key: 'derogations.byGround', title: 'Dérogations par fondement légal', chart: 'BAR' },
        'derogationGround',
        DEROGATION_GROUND_LABELS,
        derogations,
      ),
      {
        key: 'derogations.decisions',
        title: 'Décisions sur les dérogations',
        chart: 'NONE',
        figures: [make.count('derogations.approved', 'Dérogations approuvées', 'derogationApproved')],
        total: null,
      },
      {
        key: 'charter.acceptance',
        title: 'Charte du territoire',
        chart: 'NONE',
        figures: [
          make.count('charter.members', 'Membres actifs en fin de période', 'members'),
          make.count('charter.accepted', 'Dont ayant accepté la charte', 'charterAccepted'),
          make.share(
            'charter.share',
            'Part des membres ayant accepté la charte (%)',
            'charterAccepted',
            'members',
          ),
        ],
        total: null,
      },
    ]),
    section('meetings', 'Séances de la cellule', [
      {
        key: 'meetings.held',
        title: 'Séances',
        chart: 'NONE',
        figures: [
          make.count('meetings.held', 'Séances tenues', 'held'),
          make.count('meetings.cancelled', 'Séances annulées', 'cancelled'),
          make.count('meetings.items', 'Situations examinées en séance', 'items'),
        ],
        total: null,
      },
      {
        key: 'meetings.attendanceByKind',
        title: 'Présence aux séances par nature de partenaire (%)',
        chart: 'BAR',
        // Partners' attendance, not people's: hidden only over too few invitations.
        figures: counts
          .keysOf('invited', Object.keys(ORGANISATION_KIND_LABELS))
          .map((kind) =>
            make.share(
              `meetings.attendanceByKind.${kind}`,
              labelOf(ORGANISATION_KIND_LABELS, kind),
              'present',
              'invited',
              kind,
              false,
            ),
          ),
        total: null,
      },
    ]),
    section(
      'followUps',
      'Accompagnements (trinômes)',
      [
        {
          key: 'followUps.activity',
          title: 'Accompagnements',
          chart: 'NONE',
          figures: [
            followUps,
            make.count('followUps.people', 'Personnes accompagnées', 'people'),
            make.count('followUps.started', 'Accompagnements commencés', 'started'),
            make.count('followUps.ended', 'Accompagnements terminés', 'ended'),
            make.count('followUps.renewed', 'Accompagnements renouvelés', 'renewed'),
            make.mean('followUps.actsPerFollowUp', 'Actes par accompagnement (moyenne)', 'acts', 'followUps'),
            make.share('followUps.actsAtHome', 'Part des actes à domicile (%)', 'actsAtHome', 'acts'),
            make.share(
              'followUps.housedAtEnd',
              'Part des personnes toujours logées à la fin (%)',
              'housedAtEnd',
              'endedHousingKnown',
            ),
          ],
          total: null,
        },
        make.byCode(
          { key: 'followUps.byKind', title: 'Accompagnements par type', chart: 'BAR' },
          'kind',
          FOLLOW_UP_KIND_LABELS,
          followUps,
        ),
        make.byCode(
          { key: 'handoffs.status', title: 'Passages de relais proposés', chart: 'BAR' },
          'handoffStatus',
          HANDOFF_STATUS_LABELS,
          handoffs,
        ),
        make.byCode(
          { key: 'handoffs.cmpFollowUp', title: 'Suivi au CMP lors des relais acceptés', chart: 'NONE' },
          'acceptedCmp',
          CMP_FOLLOW_UP_LABELS,
          accepted,
        ),
      ],
      [
        make.series(
          'followUps.startedPerMonth',
          'Accompagnements commencés par mois',
          'startedMonth',
          period.months,
          counts.count('current', 'started'),
        ),
      ],
    ),
  ];
}

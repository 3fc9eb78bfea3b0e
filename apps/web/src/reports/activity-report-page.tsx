import { useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { TerritoryPicker } from '../ui/territory-picker';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { frenchCalendarDate } from '../ui/written-dates';
import { ActivityReportQuery, ReportTerritoriesQuery, reportDocumentUrl } from './activity-report.operations';
import { PeriodForm } from './period-form';
import { lastFullYear } from './report-periods';
import type { ReportPeriod } from './report-periods';
import { evolutionText, figureText, monthText, SUPPRESSED_MARKER } from './report-values';
import type { ShownFigure } from './report-values';
import '../ui/page-parts.css';
import './reports.css';

type Report = NonNullable<ResultOf<typeof ActivityReportQuery>['activityReport']>;
type Section = Report['sections'][number];
type Figure = Section['breakdowns'][number]['figures'][number];

const READER_ROLES = ['COORDINATOR', 'STEERING'];

/** « Bilan d’activité » : the territory's anonymous figures over a period, and its files. */
export function ActivityReportPage() {
  usePageTitle('Bilan d’activité');
  const [territories] = useQuery({ query: ReportTerritoriesQuery });
  const readable = useMemo(
    () =>
      (territories.data?.me.memberships ?? [])
        .filter(
          (membership) =>
            membership.status === 'ACTIVE' && membership.roles.some((role) => READER_ROLES.includes(role)),
        )
        .map((membership) => membership.territory),
    [territories.data],
  );
  return (
    <>
      <h1>Bilan d’activité</h1>
      <p className="lead reading-width">
        L’activité du territoire sur une période, comparée à la période précédente : saisines, délais,
        actions, consentement, séances et accompagnements. Des effectifs seulement, jamais rien sur une
        personne.
      </p>
      {territories.fetching && !territories.data ? <p role="status">Chargement…</p> : null}
      {territories.error ? <Notice tone="error">{readError(territories.error).message}</Notice> : null}
      {territories.data ? (
        <TerritoryPicker
          territories={readable}
          empty={
            <Notice>
              Le bilan d’activité est réservé à la coordination et au comité de pilotage du territoire.
            </Notice>
          }
        >
          {(territory) => <TerritoryReport key={territory.id} territoryId={territory.id} />}
        </TerritoryPicker>
      ) : null}
    </>
  );
}

function TerritoryReport({ territoryId }: { territoryId: string }) {
  const today = useMemo(() => new Date(), []);
  const [period, setPeriod] = useState<ReportPeriod>(() => lastFullYear(today));
  // Counts the periods chosen, so the focus moves to a chosen period's report, not at first load.
  const [choices, setChoices] = useState(0);
  const [result] = useQuery({ query: ActivityReportQuery, variables: { territoryId, ...period } });
  const report = result.data?.activityReport;
  const shown = report && report.from === period.from && report.to === period.to ? report : undefined;
  const title = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(title, shown && !result.fetching && choices > 0 ? choices : undefined);
  return (
    <>
      <PeriodForm
        today={today}
        onChoose={(chosen) => {
          setPeriod(chosen);
          setChoices((count) => count + 1);
        }}
      />
      {result.fetching ? <p role="status">Calcul du bilan…</p> : null}
      {result.error ? <Notice tone="error">{readError(result.error).message}</Notice> : null}
      {shown && !result.fetching ? <ReportBody report={shown} title={title} /> : null}
    </>
  );
}

function ReportBody({ report, title }: { report: Report; title: RefObject<HTMLHeadingElement | null> }) {
  const period = `du ${frenchCalendarDate(report.from, { weekday: false })} au ${frenchCalendarDate(report.to, { weekday: false })}`;
  const previous = `du ${frenchCalendarDate(report.previousFrom, { weekday: false })} au ${frenchCalendarDate(report.previousTo, { weekday: false })}`;
  return (
    <>
      <h2 ref={title} tabIndex={-1}>
        {report.territoryName}, {period}
      </h2>
      <p className="reading-width">Comparé à la période précédente, {previous}.</p>
      <p className="reading-width hint" id="secret-statistique">
        « {SUPPRESSED_MARKER} » : un effectif inférieur à {report.smallCountThreshold} n’est pas publié, pour
        qu’aucune personne ne puisse être reconnue ; une autre valeur du même tableau est alors masquée elle
        aussi, pour que l’effectif caché ne puisse pas être retrouvé par soustraction du total.
      </p>
      <h3 className="report-files-title">Télécharger le bilan</h3>
      <ul className="link-list">
        <li>
          <a href={reportDocumentUrl(report.territoryId, 'bilan-activite.pdf', report)} download>
            Bilan au format PDF, avec ses graphiques
          </a>
        </li>
        <li>
          <a href={reportDocumentUrl(report.territoryId, 'bilan-activite-chiffres.csv', report)} download>
            Les chiffres au format CSV (tableur)
          </a>
        </li>
        <li>
          <a href={reportDocumentUrl(report.territoryId, 'bilan-activite-mois.csv', report)} download>
            Les effectifs mois par mois au format CSV (tableur)
          </a>
        </li>
      </ul>
      {report.sections.map((section) => (
        <ReportSection key={section.key} section={section} />
      ))}
    </>
  );
}

function ReportSection({ section }: { section: Section }) {
  return (
    <section aria-labelledby={`partie-${section.key}`} className="report-section">
      <h3 id={`partie-${section.key}`}>{section.title}</h3>
      {section.breakdowns.map((breakdown) => (
        <div key={breakdown.key} className="table-scroll">
          <table className="report-table">
            <caption>{breakdown.title}</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col">Période</th>
                <th scope="col">Période précédente</th>
                <th scope="col">Évolution</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.figures.map((figure) => (
                <FigureRow key={figure.key} figure={figure} />
              ))}
            </tbody>
            {breakdown.total ? (
              <tfoot>
                <FigureRow figure={breakdown.total} />
              </tfoot>
            ) : null}
          </table>
        </div>
      ))}
      {section.series.map((series) => (
        <details key={series.key} className="report-series">
          <summary>{series.title}, mois par mois</summary>
          <table className="report-table">
            <caption className="visually-hidden">{series.title}, mois par mois</caption>
            <thead>
              <tr>
                <th scope="col">Mois</th>
                <th scope="col">Effectif</th>
              </tr>
            </thead>
            <tbody>
              {series.points.map((point) => (
                <tr key={point.month}>
                  <th scope="row">{monthText(point.month)}</th>
                  <td>{figureText(point.value, point.value === null, 'COUNT')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}

function FigureRow({ figure }: { figure: Figure }) {
  const shown = figure as ShownFigure;
  const hidden = (suppressed: boolean) => (suppressed ? { 'aria-describedby': 'secret-statistique' } : {});
  return (
    <tr>
      <th scope="row">{figure.label}</th>
      <td {...hidden(figure.suppressed)}>{figureText(figure.value, figure.suppressed, shown.unit)}</td>
      <td {...hidden(figure.previousSuppressed)}>
        {figureText(figure.previous, figure.previousSuppressed, shown.unit)}
      </td>
      <td>{evolutionText(shown)}</td>
    </tr>
  );
}

import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { frenchCalendarDate } from '../ui/written-dates';
import { AnswerRequestDialog } from './answer-request-dialog';
import { RecordRequestDialog } from './record-request-dialog';
import {
  PersonRequestsQuery,
  personDataPath,
  planPath,
  StartRequestMutation,
} from './subject-rights.operations';
import type { PersonRequest } from './subject-rights.operations';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, REQUEST_STATUS_TONES } from './subject-rights-words';
import '../referrals/referrals.css';
import '../situations/situations.css';
import './subject-rights.css';

/** The requests read at once: a person rarely makes more; the page says when there are more. */
const REQUESTS_SHOWN = 20;

/**
 * « Droits de la personne », the coordination's: the files that answer her right of access and
 * hand the plan over to the regional tools, her requests about her data with their deadline, and
 * the forms to record one and to answer it. The api refuses all of it to anyone else.
 */
export function PersonRightsSection({
  territoryId,
  personId,
  situationId,
  caseCode,
}: {
  territoryId: string;
  personId: string;
  situationId: string;
  caseCode: string;
}) {
  const [result, reread] = useQuery({
    query: PersonRequestsQuery,
    variables: { territoryId, personId, first: REQUESTS_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [news, setNews] = useState<{ text: string; at: number }>();
  const newsRef = useRef<HTMLDivElement>(null);
  // After a request is recorded or answered, the reading position goes to what the page says of it.
  useFocusOnChange(newsRef, news?.at);
  const told = (text: string) => {
    setNews({ text, at: Date.now() });
    reread({ requestPolicy: 'network-only' });
  };
  const connection = result.data?.dataSubjectRequests;

  return (
    <section className="situation-section person-rights" aria-labelledby="droits-personne">
      <h2 id="droits-personne">Droits de la personne</h2>
      <p className="reading-width">
        La personne peut demander à voir, corriger, limiter ou effacer ce que Relais garde sur elle, ou
        s’opposer à son usage. La coordination enregistre chaque demande ici et lui répond dans le mois.
      </p>

      <h3>Documents</h3>
      <ul className="situation-list">
        <li>
          <a href={personDataPath(territoryId, personId, 'pdf')} download>
            Tout ce que Relais détient sur la personne (PDF)
          </a>
          <span className="status-detail reading-width">
            À lui remettre quand elle demande l’accès à ses données : ses situations (archivées comprises),
            saisines, accords, passages en séance, accompagnements, demandes, et qui a consulté son dossier.
            Chaque téléchargement est noté au journal.
          </span>
        </li>
        <li>
          <a href={personDataPath(territoryId, personId, 'json')} download>
            Les mêmes données, en fichier de données (JSON)
          </a>
          <span className="status-detail reading-width">
            Pour qu’elle puisse les transmettre à un autre service (droit à la portabilité) : un fichier que
            les logiciels lisent, pas un document à lire.
          </span>
        </li>
        <li>
          <a href={planPath(territoryId, situationId)} download>
            Le plan d’action de la situation {caseCode} pour l’outil e-parcours (PPCS, JSON)
          </a>
          <span className="status-detail reading-width">
            Le plan personnalisé de coordination en santé (qui fait quoi, pour quand, avec quels objectifs), à
            importer dans l’outil régional de coordination des parcours. L’identité n’y figure que si l’accord
            de la personne couvre le passage de relais.
          </span>
        </li>
      </ul>

      <h3>Ses demandes</h3>
      <div ref={newsRef} tabIndex={-1} className="announcement">
        {news ? <Notice tone="success">{news.text}</Notice> : null}
      </div>
      {result.error ? <Notice tone="error">{readError(result.error).message}</Notice> : null}
      {!connection ? (
        result.error ? null : (
          <p role="status">Chargement des demandes…</p>
        )
      ) : connection.edges.length ? (
        <ul className="situation-list" aria-label="Demandes de la personne, la plus récente d’abord">
          {connection.edges.map(({ node }) => (
            <RequestLine key={node.id} request={node} caseCode={caseCode} onChanged={told} />
          ))}
          {connection.pageInfo.hasNextPage ? (
            <li>Les {REQUESTS_SHOWN} demandes les plus récentes sont affichées.</li>
          ) : null}
        </ul>
      ) : (
        <p className="reading-width">
          Aucune demande enregistrée. Quand la personne demande quelque chose sur ses données, par écrit ou de
          vive voix, enregistrez-le ici : Relais calcule la date limite de la réponse.
        </p>
      )}
      <RecordRequestDialog territoryId={territoryId} personId={personId} onRecorded={told} />
    </section>
  );
}

function RequestLine({
  request,
  caseCode,
  onChanged,
}: {
  request: PersonRequest;
  caseCode: string;
  onChanged(message: string): void;
}) {
  const [started, start] = useMutation(StartRequestMutation);
  const [refusal, setRefusal] = useState<string>();
  const kind = REQUEST_KIND_LABELS[request.kind].label;
  const open = request.status === 'RECEIVED' || request.status === 'IN_PROGRESS';
  const takeUp = async () => {
    setRefusal(undefined);
    const answer = await start({ requestId: request.id });
    if (answer.error) setRefusal(readError(answer.error).message);
    else onChanged(`La demande « ${kind} » est en cours de traitement.`);
  };
  return (
    <li className="request-line">
      <p className="request-title">
        <strong>{kind}</strong>{' '}
        <span className={`status-tag status-tag-${REQUEST_STATUS_TONES[request.status]}`}>
          {REQUEST_STATUS_LABELS[request.status]}
        </span>
      </p>
      <dl className="facts">
        <dt>Reçue le</dt>
        <dd>{frenchCalendarDate(request.receivedOn, { weekday: false })}</dd>
        <dt>Réponse due le</dt>
        <dd>{frenchCalendarDate(request.answerBy)}</dd>
        {request.request ? (
          <>
            <dt>Sa demande</dt>
            <dd className="multiline">{request.request}</dd>
          </>
        ) : null}
        {request.outcome || request.answeredOn ? (
          <>
            <dt>{request.status === 'REFUSED' ? 'Motif du refus' : 'Réponse'}</dt>
            <dd className="multiline">
              {request.answeredOn
                ? `Le ${frenchCalendarDate(request.answeredOn, { weekday: false })}${request.outcome ? ' : ' : ''}`
                : ''}
              {request.outcome}
            </dd>
          </>
        ) : null}
      </dl>
      {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      {open ? (
        <div className="button-row">
          {request.status === 'RECEIVED' ? (
            <Button variant="quiet" isPending={started.fetching} onPress={() => void takeUp()}>
              Prendre en charge
              <span className="visually-hidden"> la demande « {kind} »</span>
            </Button>
          ) : null}
          <AnswerRequestDialog request={request} caseCode={caseCode} onAnswered={onChanged} />
        </div>
      ) : null}
    </li>
  );
}

import { useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { frenchDateTime } from '../ui/written-dates';
import { AuditChainVerificationQuery, SealAuditChainMutation } from './audit.operations';
import { AuditorTerritory } from './auditor-territory';
import { chainProblem } from './chain-labels';
import '../ui/page-parts.css';
import './audit.css';

type Report = ResultOf<typeof AuditChainVerificationQuery>['auditChainVerification'];
type Seal = ResultOf<typeof SealAuditChainMutation>['sealAuditChain'];

/** « Vérifier la chaîne » : is the audit journal as it was written, and a checkpoint on demand. */
export function ChainPage() {
  usePageTitle('Vérifier la chaîne d’audit');
  return (
    <>
      <h1>Vérifier la chaîne d’audit</h1>
      <p className="lead reading-width">
        Chaque événement du journal est lié au précédent par une empreinte signée d’une clé que seul le
        serveur détient, et des points de contrôle signés sont conservés hors de la base. La vérification
        recalcule la chaîne entière et la compare à ces points : un événement modifié, inséré ou supprimé s’y
        voit. <Link to="/audit">Retour au journal d’audit</Link>.
      </p>
      <AuditorTerritory>
        {(territory) => <Chain key={territory.id} territoryId={territory.id} />}
      </AuditorTerritory>
    </>
  );
}

function Chain({ territoryId }: { territoryId: string }) {
  const [verification, verify] = useQuery({
    query: AuditChainVerificationQuery,
    variables: { territoryId },
    requestPolicy: 'network-only',
  });
  const [sealing, seal] = useMutation(SealAuditChainMutation);
  const sealed = sealing.data?.sealAuditChain;
  const sealResult = useRef<HTMLDivElement>(null);
  useFocusOnChange(sealResult, sealed ?? sealing.error);

  const report = verification.data?.auditChainVerification;
  return (
    <>
      <section aria-labelledby="verification">
        <h2 id="verification">Résultat de la vérification</h2>
        {verification.error ? <Notice tone="error">{readError(verification.error).message}</Notice> : null}
        {verification.fetching ? <p role="status">Vérification de la chaîne en cours…</p> : null}
        {report && !verification.fetching ? <ReportView report={report} /> : null}
        <div className="button-row">
          <Button
            variant="quiet"
            isDisabled={verification.fetching}
            onPress={() => verify({ requestPolicy: 'network-only' })}
          >
            Vérifier de nouveau
          </Button>
        </div>
      </section>
      <section aria-labelledby="sceller">
        <h2 id="sceller">Sceller la chaîne maintenant</h2>
        <p className="reading-width">
          Sceller écrit hors de la base un point de contrôle signé qui atteste le dernier événement du
          journal. Toute réécriture de l’historique antérieure à ce point sera ensuite détectée. Relais en
          écrit un chaque heure ; scellez maintenant avant un contrôle, ou après un événement que vous voulez
          figer. Le point n’est écrit que si la chaîne prolonge le précédent par des maillons valides.
        </p>
        <div className="button-row">
          <Button
            isDisabled={sealing.fetching}
            onPress={() => {
              void seal({ territoryId }).then(() => verify({ requestPolicy: 'network-only' }));
            }}
          >
            Sceller maintenant
          </Button>
        </div>
        <div ref={sealResult} tabIndex={-1} className="audit-seal-result">
          {sealing.error ? <Notice tone="error">{readError(sealing.error).message}</Notice> : null}
          {sealed ? <SealView seal={sealed} /> : null}
        </div>
      </section>
    </>
  );
}

function ReportView({ report }: { report: Report }) {
  const problem = report.problem ? chainProblem(report.problem) : undefined;
  return (
    <>
      {report.valid ? (
        <Notice tone="success">
          <strong>La chaîne est intacte.</strong> Chaque maillon, la tête de chaîne et les points de contrôle
          concordent.
        </Notice>
      ) : (
        <Notice tone="error">
          <strong>La chaîne n’est pas intacte : {problem?.title ?? 'problème non précisé'}.</strong>{' '}
          {problem?.meaning}
        </Notice>
      )}
      <dl className="summary-list">
        <dt>Maillons vérifiés</dt>
        <dd>
          {report.checkedEvents}
          {report.valid ? '' : ' avant le premier problème'}
        </dd>
        {report.firstBrokenSequence ? (
          <>
            <dt>Premier maillon rompu</dt>
            <dd>
              n° {report.firstBrokenSequence}
              {report.firstBrokenEventId ? (
                <span className="audit-code">événement {report.firstBrokenEventId}</span>
              ) : (
                <span className="hint"> (l’événement n’existe plus)</span>
              )}
            </dd>
          </>
        ) : null}
        <dt>Maillons anciens sans clé</dt>
        <dd>
          {report.legacyEvents}
          {report.legacyEvents ? (
            <span className="hint">
              {' '}
              (écrits avant que la chaîne soit signée, protégés par le maillon signé qui les suit et par les
              points de contrôle)
            </span>
          ) : null}
        </dd>
        <dt>Clés des maillons</dt>
        <dd>{report.keyIds.length ? report.keyIds.join(', ') : 'Aucune'}</dd>
        <dt>Points de contrôle comparés</dt>
        <dd>{report.checkpointsCompared}</dd>
        <dt>Dernier point de contrôle</dt>
        <dd>
          {report.checkpointSequence
            ? `n° ${report.checkpointSequence}${
                report.checkpointTakenAt ? `, pris le ${frenchDateTime(report.checkpointTakenAt)}` : ''
              }`
            : 'Aucun pour l’instant'}
        </dd>
        <dt>Points de contrôle invalides</dt>
        <dd>{report.invalidCheckpoints}</dd>
      </dl>
    </>
  );
}

function SealView({ seal }: { seal: Seal }) {
  switch (seal.status) {
    case 'WRITTEN':
      return (
        <Notice tone="success">
          Point de contrôle écrit : il atteste le maillon n° {seal.sequence}
          {seal.takenAt ? `, le ${frenchDateTime(seal.takenAt)}` : ''}
          {seal.keyId ? `, signé par la clé ${seal.keyId}` : ''}.
        </Notice>
      );
    case 'UNCHANGED':
      return (
        <Notice>
          Rien à sceller : le dernier point de contrôle atteste déjà le dernier maillon (n° {seal.sequence}).
        </Notice>
      );
    case 'EMPTY':
      return (
        <Notice>Rien à sceller : le journal de ce territoire ne contient encore aucun événement.</Notice>
      );
    case 'REFUSED': {
      const problem = seal.problem ? chainProblem(seal.problem) : undefined;
      return (
        <Notice tone="error">
          Scellement refusé : la chaîne ne prolonge pas le dernier point de contrôle par des maillons valides
          {seal.sequence ? ` (premier maillon rompu : n° ${seal.sequence})` : ''}.{' '}
          {problem ? `${problem.title} : ${problem.meaning}` : ''}
        </Notice>
      );
    }
    default:
      return <Notice>Résultat : {seal.status}</Notice>;
  }
}

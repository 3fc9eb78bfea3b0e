import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { frenchDate } from '../ui/written-dates';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import './charter.css';
import { AcceptCharterMutation, ChartersQuery } from './charter.operations';
import { charterKindLabel, charterParagraphs } from './charter-text';
import '../ui/page-parts.css';

export interface CharterPageProps {
  territoryId: string;
  territoryName: string;
  onAccepted(): void;
}

/**
 * The territory's charter, to accept before working in it: until then the api shows nothing about
 * any person there. Every version in force not yet accepted is accepted with one action.
 */
export function CharterPage({ territoryId, territoryName, onAccepted }: CharterPageProps) {
  usePageTitle(`Charte — ${territoryName}`);
  // The list is read afresh: a version published meanwhile must be the one read and accepted.
  const context = useMemo(() => ({ requestPolicy: 'network-only' as const }), []);
  const [charters, refetch] = useQuery({ query: ChartersQuery, variables: { territoryId }, context });
  const [accepting, acceptCharter] = useMutation(AcceptCharterMutation);
  const [error, setError] = useState<string | undefined>();
  const errorNotice = useRef<HTMLDivElement>(null);

  useFocusOnChange(errorNotice, error);

  const versions = charters.data?.charters ?? [];
  const pending = versions.filter((charter) => !charter.acceptedByMe);

  async function accept() {
    setError(undefined);
    for (const charter of pending) {
      const result = await acceptCharter({ charterId: charter.id });
      if (result.error) {
        setError(readError(result.error).message);
        // A newer version may have replaced the one shown: show what is in force now.
        refetch({ requestPolicy: 'network-only' });
        return;
      }
    }
    onAccepted();
  }

  return (
    <div className="charter">
      <h1>Charte — {territoryName}</h1>
      <p>
        Dans la cellule, des professionnels de plusieurs organisations échangent des informations sur des
        personnes en situation complexe. La charte fixe les règles de ce partage : le secret partagé, les
        seules informations strictement nécessaires à chacun, et ce que chacun fait de ce qu’il apprend.
      </p>
      <p>
        <strong>Avant de travailler dans ce territoire, lisez-la et acceptez-la.</strong> Tant qu’elle n’est
        pas acceptée, Relais ne vous montre aucune information sur les personnes suivies ici. Votre
        acceptation est enregistrée, avec sa date.
      </p>

      {charters.error ? <Notice tone="error">{readError(charters.error).message}</Notice> : null}
      {!charters.data && charters.fetching ? <p role="status">Chargement de la charte…</p> : null}

      {versions.map((charter) => (
        <article key={charter.id} className="charter-text" aria-labelledby={`charte-${charter.id}`}>
          <h2 id={`charte-${charter.id}`}>{charter.title}</h2>
          <p className="charter-meta">
            {charterKindLabel(charter.kind)} — version {charter.version}, publiée le{' '}
            {frenchDate(charter.publishedAt, { weekday: false })}
            {charter.acceptedByMe ? ' — déjà acceptée par vous' : ''}
          </p>
          {charterParagraphs(charter.body).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </article>
      ))}

      {charters.data && pending.length === 0 ? (
        <>
          <Notice tone={versions.length ? 'success' : 'info'}>
            {versions.length
              ? 'Vous avez accepté la charte en vigueur dans ce territoire.'
              : 'Aucune charte à accepter n’est en vigueur dans ce territoire.'}
          </Notice>
          <Button onPress={onAccepted}>Continuer</Button>
        </>
      ) : null}

      {pending.length > 0 ? (
        <section className="charter-accept" aria-labelledby="accepter-la-charte">
          <h2 id="accepter-la-charte">Votre accord</h2>
          <p>
            En acceptant, vous vous engagez à respecter {pending.length > 1 ? 'ces textes' : 'ce texte'} dans
            votre travail avec la cellule.
          </p>
          {error ? (
            <div ref={errorNotice} tabIndex={-1}>
              <Notice tone="error">{error}</Notice>
            </div>
          ) : null}
          <Button onPress={() => void accept()} isPending={accepting.fetching}>
            J’accepte la charte
          </Button>
          <p className="hint">
            Une question sur la charte ? Adressez-vous à la coordination du CLSM. Vous pouvez aussi vous
            déconnecter et l’accepter plus tard.
          </p>
        </section>
      ) : null}
    </div>
  );
}

import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { frenchCalendarDate } from '../../ui/written-dates';
import { ConsentReceiptQuery } from './new-referral.operations';
import type { RecordedConsent as Recorded } from './new-referral.operations';
import { ReceiptText } from './receipt-text';

export interface RecordedConsentProps {
  referralId: string;
  consent: Recorded;
  /** Records another answer, which replaces this one. */
  onCorrect(): void;
}

/** The answer the api recorded, and the receipt to give the person. */
export function RecordedConsent({ referralId, consent, onCorrect }: RecordedConsentProps) {
  const [receipt] = useQuery({ query: ConsentReceiptQuery, variables: { consentId: consent.id } });
  const given = consent.status === 'GIVEN';
  return (
    <>
      <Notice tone="success">
        <p>
          {given
            ? `Accord enregistré : recueilli le ${frenchCalendarDate(consent.collectedOn)}, valable jusqu’au ${frenchCalendarDate(consent.expiresOn)}.`
            : `Refus enregistré, recueilli le ${frenchCalendarDate(consent.collectedOn)} : rien ne sera partagé avec les partenaires.`}
        </p>
      </Notice>
      <h3>Le récépissé à remettre à la personne</h3>
      {receipt.error ? <Notice tone="error">{readError(receipt.error).message}</Notice> : null}
      {receipt.data ? (
        <ReceiptText receipt={receipt.data.consentReceipt} asPage={false} />
      ) : receipt.fetching ? (
        <p role="status">Chargement du récépissé…</p>
      ) : null}
      <p>
        <a href={`/saisines/${encodeURIComponent(referralId)}/recepisse`} target="_blank" rel="noopener">
          Ouvrir le récépissé pour l’imprimer (nouvel onglet)
        </a>
      </p>
      <p className="hint-paragraph">
        Si la personne change d’avis ou si une information est fausse, enregistrez une nouvelle réponse : elle
        remplacera celle-ci.
      </p>
      <Button variant="quiet" onPress={onCorrect}>
        Enregistrer une autre réponse
      </Button>
    </>
  );
}

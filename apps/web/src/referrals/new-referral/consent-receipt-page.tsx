import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { readFragment } from '../../graphql/graphql';
import { NotFoundPage } from '../../pages/not-found-page';
import { Link } from '../../routing/link';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { consentOfReferral } from './consent-summary';
import {
  ConsentFields,
  ConsentReceiptQuery,
  PersonConsentsQuery,
  ReceiptReferralQuery,
} from './new-referral.operations';
import { ReceiptText } from './receipt-text';
import './new-referral.css';

/**
 * `/saisines/:id/recepisse`: the receipt of the person's answer for this referral, to print and hand
 * to her. Printed alone: the header and the navigation stay on the screen.
 */
export function ConsentReceiptPage({ referralId }: { referralId: string }) {
  usePageTitle('Récépissé de consentement');
  const [referral] = useQuery({ query: ReceiptReferralQuery, variables: { referralId } });
  const personId = referral.data?.referral.person.id;
  const [consents] = useQuery({
    query: PersonConsentsQuery,
    variables: { personId: personId ?? '' },
    pause: !personId,
  });
  const consent = consents.data
    ? consentOfReferral(
        consents.data.consents.map((entry) => readFragment(ConsentFields, entry)),
        referralId,
      )
    : undefined;
  const [receipt] = useQuery({
    query: ConsentReceiptQuery,
    variables: { consentId: consent?.id ?? '' },
    pause: !consent,
  });

  const error = referral.error ?? consents.error ?? receipt.error;
  if (error) {
    const shown = readError(error);
    if (shown.code === 'NOT_FOUND' || shown.code === 'FORBIDDEN') return <NotFoundPage />;
    return (
      <>
        <h1>Récépissé de consentement</h1>
        <Notice tone="error">{shown.message}</Notice>
      </>
    );
  }
  const back = `/saisines/${encodeURIComponent(referralId)}`;
  if (consents.data && !consent) {
    return (
      <>
        <h1>Récépissé de consentement</h1>
        <p>Aucune réponse de la personne n’est encore enregistrée pour cette saisine.</p>
        <p>
          <Link to={back}>Revenir à la saisine</Link>
        </p>
      </>
    );
  }
  if (!receipt.data) {
    return (
      <>
        <h1>Récépissé de consentement</h1>
        <p role="status">Chargement du récépissé…</p>
      </>
    );
  }
  return (
    <div className="receipt-page">
      <ReceiptText receipt={receipt.data.consentReceipt} asPage />
      <div className="receipt-actions no-print">
        <Button onPress={() => window.print()}>Imprimer</Button>
        <Link to={back}>Revenir à la saisine</Link>
      </div>
    </div>
  );
}

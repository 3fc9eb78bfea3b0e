import { useState } from 'react';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { readFragment } from '../../graphql/graphql';
import { NotFoundPage } from '../../pages/not-found-page';
import { Link } from '../../routing/link';
import { navigate } from '../../routing/router';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { consentOfReferral } from './consent-summary';
import {
  ConsentFields,
  DraftReferralFields,
  DraftReferralQuery,
  NewReferralContextQuery,
  PersonConsentsQuery,
} from './new-referral.operations';
import type { RecordedConsent } from './new-referral.operations';
import { unreadableDraftFields } from './referral-mapping';
import type { DraftReferral } from './referral-mapping';
import { ReferralWizard } from './referral-wizard';
import type { ReferralTerritory } from './referral-wizard';
import './new-referral.css';

/** A referral may be written again while a draft, or when the cell asks for the person's consent. */
const EDITABLE = new Set(['DRAFT', 'NEEDS_CONSENT']);

function Loading() {
  usePageTitle('Nouvelle saisine');
  return (
    <>
      <h1>Nouvelle saisine</h1>
      <p role="status">Chargement…</p>
    </>
  );
}

function Refused({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      {children}
    </>
  );
}

interface LoaderProps {
  /** The draft to resume; none for a new referral. */
  resumeId: string | undefined;
  onCreated(referralId: string): void;
}

/** Who writes, where, and the draft to resume with the person's recorded answer: then the form. */
function NewReferralLoader({ resumeId, onCreated }: LoaderProps) {
  const [context] = useQuery({ query: NewReferralContextQuery });
  const [draftResult] = useQuery({
    query: DraftReferralQuery,
    variables: { referralId: resumeId ?? '' },
    pause: !resumeId,
    requestPolicy: 'network-only',
  });
  const draft = draftResult.data ? readFragment(DraftReferralFields, draftResult.data.referral) : undefined;
  const [consentsResult] = useQuery({
    query: PersonConsentsQuery,
    variables: { personId: draft?.person.id ?? '' },
    pause: !draft,
    requestPolicy: 'network-only',
  });

  const me = context.data?.me;
  // The form starts from the draft as first read: later reads (after its own saves) do not restart it.
  const [started, setStarted] = useState<{
    draft: DraftReferral | undefined;
    consent: RecordedConsent | undefined;
  }>();
  const loaded = Boolean(me) && (!resumeId || (draft && (consentsResult.data || consentsResult.error)));
  if (loaded && !started) {
    const consents = consentsResult.data
      ? consentsResult.data.consents.map((consent) => readFragment(ConsentFields, consent))
      : [];
    setStarted({ draft, consent: draft ? consentOfReferral(consents, draft.id) : undefined });
  }
  if (context.error) return <Notice tone="error">{readError(context.error).message}</Notice>;
  if (resumeId && draftResult.error) {
    const shown = readError(draftResult.error);
    return shown.code === 'NOT_FOUND' || shown.code === 'FORBIDDEN' ? (
      <NotFoundPage />
    ) : (
      <Notice tone="error">{shown.message}</Notice>
    );
  }
  if (!me || !started) return <Loading />;
  const initial = started.draft;

  const territories: ReferralTerritory[] = me.memberships
    .filter((membership) => membership.status === 'ACTIVE' && membership.roles.includes('REFERRER'))
    .map(({ territory }) => ({
      id: territory.id,
      name: territory.name,
      consentValidityMonths: territory.settings.consentValidityMonths,
    }));

  if (initial) {
    const id = encodeURIComponent(initial.id);
    if (!EDITABLE.has(initial.status)) {
      return (
        <Refused title="Saisine déjà transmise">
          <p>Cette saisine a déjà été transmise à la cellule : elle ne se modifie plus.</p>
          <p>
            <Link to={`/saisines/${id}`}>Voir la saisine dans Mes saisines</Link>
          </p>
        </Refused>
      );
    }
    if (unreadableDraftFields(initial).length) {
      return (
        <Refused title="Brouillon d’un ou une collègue">
          <p>
            Ce brouillon a été commencé par un ou une collègue de votre organisation. Seule la personne qui
            l’a écrit peut en lire le contenu et le compléter.
          </p>
          <p>
            <Link to="/saisines">Revenir à Mes saisines</Link>
          </p>
        </Refused>
      );
    }
    // The draft's own territory, even if it is no longer among those one refers in.
    const own = territories.find((territory) => territory.id === initial.territoryId);
    if (!own)
      territories.splice(0, territories.length, {
        id: initial.territoryId,
        name: '',
        consentValidityMonths: 12,
      });
  } else if (!territories.length) {
    return (
      <Refused title="Nouvelle saisine">
        <p>
          Votre compte ne permet pas de saisir une cellule : il faut le rôle « auteur·rice de saisines » dans
          un CLSM. Demandez-le à l’administrateur·rice de votre territoire.
        </p>
      </Refused>
    );
  }

  return (
    <ReferralWizard
      me={me}
      territories={territories}
      draft={initial}
      recordedConsent={started.consent}
      onCreated={onCreated}
    />
  );
}

/**
 * `/saisines/nouvelle` and `/saisines/:id/modifier`. The first save gives the draft its own address
 * (a reload resumes it) without starting the form again; any other change of address does.
 */
export function NewReferralPage({ referralId }: { referralId?: string }) {
  const [session, setSession] = useState({
    key: 0,
    referralId,
    resumeId: referralId,
    createdId: undefined as string | undefined,
  });
  if (session.referralId !== referralId) {
    const same = referralId !== undefined && referralId === session.createdId;
    setSession(
      same
        ? { ...session, referralId }
        : { key: session.key + 1, referralId, resumeId: referralId, createdId: undefined },
    );
  }
  function created(id: string) {
    // Known as created before the address changes, so the change keeps the form.
    flushSync(() => setSession((current) => ({ ...current, createdId: id })));
    navigate(`/saisines/${encodeURIComponent(id)}/modifier`, { replace: true });
  }
  return <NewReferralLoader key={session.key} resumeId={session.resumeId} onCreated={created} />;
}

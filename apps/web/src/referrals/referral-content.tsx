import type { ReactNode } from 'react';
import { frenchCalendarDate, frenchDateTime } from '../ui/written-dates';
import { DIFFICULTY_AREAS, REFERRAL_REQUESTS, URGENCIES } from './new-referral/referral-labels';
import { REFERRAL_STATUS_LABELS } from './referral-labels';
import type { ReferralDetail } from './referrals.operations';

/*
 * These sections show what the server sent and nothing else: a field my relation to the referral
 * does not open comes back null and is simply not shown. `redactedFields` is not read on purpose —
 * saying what was withheld would tell the reader something the gate keeps from them.
 */

interface Fact {
  label: string;
  value: ReactNode;
}

function present<Value>(value: Value | null | undefined): value is Value {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((fact) => (
        <div key={fact.label} className="fact">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const text = (value: string) => <span className="multiline">{value}</span>;
const list = (values: readonly string[]) =>
  values.length > 1 ? (
    <ul className="inline-list">
      {values.map((value) => (
        <li key={value}>{value}</li>
      ))}
    </ul>
  ) : (
    values[0]
  );

/** What the referral says, as far as the server sent it to me. */
export function ReferralContent({ referral }: { referral: ReferralDetail }) {
  const facts: Fact[] = [];
  const add = (label: string, value: ReactNode, shown: boolean) => {
    if (shown) facts.push({ label, value });
  };
  add(
    'Urgence ressentie',
    referral.urgency ? URGENCIES[referral.urgency].label : null,
    present(referral.urgency),
  );
  add(
    'Ce qui est demandé à la cellule',
    list((referral.requests ?? []).map((request) => REFERRAL_REQUESTS[request].label)),
    present(referral.requests),
  );
  add(
    'Domaines de difficulté',
    list((referral.difficultyAreas ?? []).map((area) => DIFFICULTY_AREAS[area].label)),
    present(referral.difficultyAreas),
  );
  add('Services déjà impliqués', list(referral.servicesInvolved ?? []), present(referral.servicesInvolved));
  add('Question posée à la cellule', text(referral.questionToCell ?? ''), present(referral.questionToCell));
  add('La situation', text(referral.description ?? ''), present(referral.description));
  add('Ce qui a déjà été tenté', text(referral.actionsTried ?? ''), present(referral.actionsTried));
  add('Ce qui bloque', text(referral.blockages ?? ''), present(referral.blockages));
  add('Logement', text(referral.housingContext ?? ''), present(referral.housingContext));
  add('Informations de santé', text(referral.healthInformation ?? ''), present(referral.healthInformation));
  if (!facts.length) return null;
  return (
    <section aria-labelledby="contenu-saisine">
      <h2 id="contenu-saisine">Ce que dit la saisine</h2>
      <Facts facts={facts} />
    </section>
  );
}

/** The person's identity, sent only to whom the rules give it (the referral's author, in general). */
export function ReferralPerson({ referral }: { referral: ReferralDetail }) {
  const identity = referral.identity;
  if (!identity) return null;
  const facts: Fact[] = [];
  const name = [identity.firstName, identity.lastName].filter(present).join(' ');
  if (name) facts.push({ label: 'Nom', value: name });
  if (present(identity.birthDate)) {
    facts.push({
      label: 'Date de naissance',
      value: frenchCalendarDate(identity.birthDate, { weekday: false }),
    });
  }
  if (present(identity.address)) facts.push({ label: 'Adresse', value: text(identity.address) });
  if (present(identity.phone)) facts.push({ label: 'Téléphone', value: identity.phone });
  if (present(identity.representativeName)) {
    facts.push({ label: 'Représentant·e', value: identity.representativeName });
  }
  if (present(identity.representativeContact)) {
    facts.push({ label: 'Contact du représentant', value: text(identity.representativeContact) });
  }
  if (!facts.length) return null;
  return (
    <section aria-labelledby="personne">
      <h2 id="personne">La personne</h2>
      <Facts facts={facts} />
    </section>
  );
}

/** Each change of status, oldest first, when the server sends the history. */
export function ReferralHistory({ referral }: { referral: ReferralDetail }) {
  const transitions = referral.transitions;
  if (!transitions?.length) return null;
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique</h2>
      <ol className="history">
        {transitions.map((transition, index) => (
          <li key={`${transition.occurredAt}-${index}`}>
            <span className="history-when">{frenchDateTime(transition.occurredAt)}</span>{' '}
            <span>{REFERRAL_STATUS_LABELS[transition.toStatus]}</span>
            {present(transition.reason) ? (
              <span className="history-reason multiline">Motif : {transition.reason}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

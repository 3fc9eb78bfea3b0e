import type { ReactNode } from 'react';
import { Button } from '../../ui/button';
import { consentScopeSummary } from './consent-summary';
import { frenchCalendarDate } from '../../ui/written-dates';
import type { Organisation } from './new-referral.operations';
import type { NewReferralValues, StepNumber } from './referral-form-values';
import { STEPS } from './referral-form-values';
import {
  AGE_BANDS,
  DIFFICULTY_AREAS,
  measureHasRepresentative,
  PROTECTION_MEASURES,
  REFERRAL_REQUESTS,
  URGENCIES,
} from './referral-labels';
import { apiDay, servicesFromText } from './referral-mapping';

const NOT_GIVEN = 'Non renseigné';

function Answer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Lines({ items }: { items: readonly string[] }) {
  if (!items.length) return <>{NOT_GIVEN}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Paragraphs({ text }: { text: string }) {
  const trimmed = text.trim();
  return <span className="review-text">{trimmed === '' ? NOT_GIVEN : trimmed}</span>;
}

function Section({
  step,
  onEdit,
  children,
}: {
  step: Exclude<StepNumber, 5>;
  onEdit(step: StepNumber): void;
  children: ReactNode;
}) {
  const title = STEPS[step - 1]!.title;
  return (
    <section className="review-section" aria-labelledby={`verifier-${step}`}>
      <div className="review-heading">
        <h3 id={`verifier-${step}`}>{title}</h3>
        <Button variant="quiet" onPress={() => onEdit(step)} aria-label={`Modifier : ${title}`}>
          Modifier
        </Button>
      </div>
      <dl>{children}</dl>
    </section>
  );
}

const ANSWER_WORDS = { yes: 'Oui', no: 'Non', '': NOT_GIVEN } as const;

export interface StepReviewProps {
  values: NewReferralValues;
  organisations: readonly Organisation[];
  validityMonths: number;
  /** Whether the person's answer is recorded (the summary then reads as what the api kept). */
  consentRecorded: boolean;
  mayWriteHealth: boolean;
  onEdit(step: StepNumber): void;
}

/** Step 5: everything at once, each part with its way back, before the referral is sent. */
export function StepReview({
  values,
  organisations,
  validityMonths,
  consentRecorded,
  mayWriteHealth,
  onEdit,
}: StepReviewProps) {
  const { person, form, admissibility, consent } = values;
  const scope = consentScopeSummary(consent, organisations, validityMonths);
  return (
    <>
      <p>Relisez la saisine. Vous pouvez encore modifier chaque partie avant de la transmettre.</p>
      <Section step={1} onEdit={onEdit}>
        <Answer label="Nom et prénom">
          {person.lastName} {person.firstName}
        </Answer>
        {person.birthDate ? (
          <Answer label="Date de naissance">{frenchCalendarDate(apiDay(person.birthDate) ?? '')}</Answer>
        ) : (
          <Answer label="Tranche d’âge">
            {person.ageBand ? AGE_BANDS[person.ageBand].label : NOT_GIVEN}
          </Answer>
        )}
        <Answer label="Mesure de protection">
          {person.protectionMeasure ? PROTECTION_MEASURES[person.protectionMeasure].label : NOT_GIVEN}
        </Answer>
        {measureHasRepresentative(person.protectionMeasure) ? (
          <Answer label="Représentant">
            <Lines
              items={[person.representativeName, person.representativeContact].filter((line) => line.trim())}
            />
          </Answer>
        ) : null}
        <Answer label="Adresse">
          <Paragraphs text={person.address} />
        </Answer>
        <Answer label="Quartier ou commune">
          <Paragraphs text={person.district} />
        </Answer>
        <Answer label="Téléphone">
          <Paragraphs text={person.phone} />
        </Answer>
        <Answer label="Situation de logement">
          <Paragraphs text={form.housingContext} />
        </Answer>
      </Section>
      <Section step={2} onEdit={onEdit}>
        <Answer label="Pourquoi vous saisissez la cellule">
          <Paragraphs text={form.description} />
        </Answer>
        <Answer label="Domaines de difficulté">
          <Lines items={form.difficultyAreas.map((area) => DIFFICULTY_AREAS[area].label)} />
        </Answer>
        <Answer label="Services déjà impliqués">
          <Lines items={servicesFromText(form.servicesInvolved)} />
        </Answer>
        <Answer label="Ce qui a déjà été tenté">
          <Paragraphs text={form.actionsTried} />
        </Answer>
        <Answer label="Ce qui bloque">
          <Paragraphs text={form.blockages} />
        </Answer>
        {mayWriteHealth ? (
          <Answer label="Informations de santé">
            <Paragraphs text={form.healthInformation} />
          </Answer>
        ) : null}
        <Answer label="Votre question à la cellule">
          <Paragraphs text={form.questionToCell} />
        </Answer>
        <Answer label="Urgence ressentie">{form.urgency ? URGENCIES[form.urgency].label : NOT_GIVEN}</Answer>
        <Answer label="Ce que vous demandez">
          <Lines items={form.requests.map((request) => REFERRAL_REQUESTS[request].label)} />
        </Answer>
      </Section>
      <Section step={3} onEdit={onEdit}>
        <Answer label="Danger grave et immédiat">{ANSWER_WORDS[admissibility.imminentDanger]}</Answer>
        <Answer label="Relève de l’urgence">{ANSWER_WORDS[admissibility.emergency]}</Answer>
        <Answer label="Voies de droit commun tentées">
          {ANSWER_WORDS[admissibility.commonLawRoutesTried]}
        </Answer>
      </Section>
      <Section step={4} onEdit={onEdit}>
        <Answer label="Réponse de la personne">
          {consentRecorded ? scope.answer : 'Pas encore enregistrée.'}
        </Answer>
        {consentRecorded ? <Answer label="Recueillie">{scope.collected}</Answer> : null}
        {consentRecorded && consent.status === 'GIVEN' ? (
          <>
            <Answer label="Pour">
              <Lines items={scope.purposes} />
            </Answer>
            <Answer label="Avec">
              <Lines items={scope.recipients} />
            </Answer>
            <Answer label="Informations">
              <Lines items={scope.categories} />
            </Answer>
            <Answer label="Jusqu’au">{scope.until}</Answer>
            <Answer label="Présence à l’examen">{scope.attends}</Answer>
          </>
        ) : null}
      </Section>
      <p>
        En transmettant, vous confirmez que les voies de droit commun ont été tentées et que la situation ne
        relève pas de l’urgence.
      </p>
    </>
  );
}

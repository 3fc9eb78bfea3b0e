import { useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { FormPartnerChoices } from '../../directory/partner-choices';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { parseDayText } from '../../ui/form/day-text';
import { FormDateField } from '../../ui/form/form-date-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { consentScopeSummary } from './consent-summary';
import { frenchCalendarDate } from '../../ui/written-dates';
import { addMonths } from './french-dates';
import type { Organisation } from './new-referral.operations';
import { CELL_RECIPIENT } from './referral-form-values';
import type { NewReferralValues } from './referral-form-values';
import {
  choicesOf,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  INFORMATION_ITEMS,
  ORGANISATION_KIND_NAMES,
  ORGANISATION_KIND_SEES,
  ORGANISATION_KINDS,
  WHO_SEES_WHAT,
} from './referral-labels';

const ANSWERS = [
  { value: 'GIVEN', label: 'Oui, elle donne son accord' },
  {
    value: 'REFUSED',
    label: 'Non, elle refuse',
    description:
      'Rien n’est partagé avec les partenaires. Sans son accord, la cellule ne peut pas accepter la saisine (sauf dérogation prévue par la loi).',
  },
];

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const YES_NO = [
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
];

export interface ConsentFieldsProps {
  control: Control<NewReferralValues>;
  territoryId: string;
  /** The partners the consent names, as the api names them. */
  organisations: readonly Organisation[];
  /** Who collects the answer: the person signed in, for the api records her as the collector. */
  collector: string;
  validityMonths: number;
}

/** The person's answer and, when she agrees, its scope, said as one reads it to her. */
export function ConsentFields({
  control,
  territoryId,
  organisations,
  collector,
  validityMonths,
}: ConsentFieldsProps) {
  const consent = useWatch({ control, name: 'consent' });
  const collectedOn = parseDayText(consent.collectedOn);
  const defaultEnd = collectedOn ? frenchCalendarDate(addMonths(collectedOn, validityMonths)) : undefined;
  const summary = consentScopeSummary(consent, organisations, validityMonths);

  return (
    <>
      <p>
        Lisez à la personne ce qui sera partagé, avec qui et pour combien de temps, puis enregistrez sa
        réponse. Elle recevra un récépissé qui le redit.
      </p>
      <FormChoiceGroup
        control={control}
        name="consent.status"
        label={'La personne donne-t-elle son accord\u00a0?'}
        choices={ANSWERS}
        rules={{ required: 'Indiquez si la personne a donné ou refusé son accord.' }}
      />
      <FormChoiceGroup
        control={control}
        name="consent.method"
        label={'Comment sa réponse a-t-elle été recueillie\u00a0?'}
        choices={choicesOf(CONSENT_METHODS)}
        rules={{ required: 'Indiquez comment la réponse a été recueillie.' }}
      />
      {consent.method === 'ORAL_BEFORE_WITNESS' ? (
        <FormTextField
          control={control}
          name="consent.witnessOrRepresentative"
          label="Qualité du témoin"
          hint="Sans son nom si ce n’est pas nécessaire, par exemple : « collègue de l’agence »."
          rules={{ required: 'Indiquez la qualité du témoin.' }}
        />
      ) : consent.method === 'LEGAL_REPRESENTATIVE' ? (
        <FormTextField
          control={control}
          name="consent.witnessOrRepresentative"
          label="Représentant légal"
          hint="Par exemple : « tutrice, UDAF » ou « curateur, son frère »."
          rules={{ required: 'Indiquez le représentant légal qui a répondu.' }}
        />
      ) : null}
      <FormDateField
        control={control}
        name="consent.collectedOn"
        label="Date du recueil"
        rules={{ required: 'Indiquez la date à laquelle la réponse a été recueillie.' }}
      />
      <p className="collector">
        <span className="collector-label">Recueilli par</span> {collector}
      </p>

      {consent.status === 'REFUSED' ? null : (
        <>
          <FormChoiceGroup
            control={control}
            name="consent.informationGiven"
            label="Ce que vous lui avez expliqué"
            hint="Les sept points sont nécessaires avant qu’elle donne son accord."
            choices={choicesOf(INFORMATION_ITEMS)}
            multiple
            rules={{ required: 'Cochez ce que vous avez expliqué à la personne.' }}
          />
          <FormChoiceGroup
            control={control}
            name="consent.purposes"
            label="Pour quoi elle accepte que sa situation soit partagée"
            choices={choicesOf(CONSENT_PURPOSES)}
            multiple
            rules={{ required: 'Choisissez au moins une finalité.' }}
          />
          <FormPartnerChoices
            control={control}
            name="consent.recipients"
            territoryId={territoryId}
            label="Avec qui"
            hint="La cellule, et chaque partenaire qu’elle accepte, ajouté par son nom ci-dessous."
            leading={[
              {
                value: CELL_RECIPIENT,
                label: 'La cellule de situations complexes du CLSM',
                description: 'Les partenaires réunis autour de la table pour examiner sa situation.',
              },
            ]}
            describe={(organisation) =>
              `${capitalised(ORGANISATION_KIND_NAMES[organisation.kind])}. ${ORGANISATION_KIND_SEES[organisation.kind]}`
            }
            addLabel="Ajouter un partenaire qu’elle accepte"
            addHint="Il s’ajoute, coché, à la liste « Avec qui »."
            rules={{ required: 'Nommez au moins la cellule ou un partenaire.' }}
          />
          <FormChoiceGroup
            control={control}
            name="consent.organisationKinds"
            label="Et tout partenaire d’un type"
            hint="Pour nommer par exemple « tout CMP du secteur » sans choisir l’établissement."
            choices={choicesOf(ORGANISATION_KINDS)}
            multiple
          />
          <table className="who-sees-what">
            <caption>Qui voit quoi, parmi les partenaires qu’elle accepte</caption>
            <thead>
              <tr>
                <th scope="col">Qui</th>
                <th scope="col">Ce qu’ils voient</th>
              </tr>
            </thead>
            <tbody>
              {WHO_SEES_WHAT.map((row) => (
                <tr key={row.who}>
                  <th scope="row">{row.who}</th>
                  <td>{row.sees}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormChoiceGroup
            control={control}
            name="consent.dataCategories"
            label="Quelles informations"
            choices={choicesOf(DATA_CATEGORIES)}
            multiple
            rules={{ required: 'Choisissez au moins une sorte d’information.' }}
          />
          <FormDateField
            control={control}
            name="consent.expiresOn"
            label="Jusqu’à quand"
            hint={
              defaultEnd
                ? `Sans date, l’accord vaut ${validityMonths} mois, jusqu’au ${defaultEnd} (durée fixée par le CLSM).`
                : `Sans date, l’accord vaut ${validityMonths} mois (durée fixée par le CLSM).`
            }
          />
          <FormChoiceGroup
            control={control}
            name="consent.wishesToAttend"
            label={'Souhaite-t-elle être présente quand la cellule examinera sa situation\u00a0?'}
            choices={YES_NO}
            rules={{ required: 'Indiquez si la personne souhaite être présente.' }}
          />
          <section className="consent-summary" aria-labelledby="ce-que-vous-lisez">
            <h3 id="ce-que-vous-lisez">Ce que vous lui lisez</h3>
            <p>Elle accepte que sa situation soit partagée :</p>
            <ul>
              <li>pour : {summary.purposes.length ? summary.purposes.join(' ; ').toLowerCase() : '—'}</li>
              <li>avec : {summary.recipients.length ? summary.recipients.join(' ; ') : '—'}</li>
              <li>
                informations :{' '}
                {summary.categories.length ? summary.categories.join(' ; ').toLowerCase() : '—'}
              </li>
              <li>jusqu’au {summary.until}.</li>
            </ul>
            <p>Elle peut retirer son accord à tout moment : le partage cesse aussitôt.</p>
          </section>
        </>
      )}
    </>
  );
}

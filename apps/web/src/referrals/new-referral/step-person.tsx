import { useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { FormDateField } from '../../ui/form/form-date-field';
import { FormSelectField } from '../../ui/form/form-select-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { AGE_BANDS, choicesOf, measureHasRepresentative, PROTECTION_MEASURES } from './referral-labels';
import type { NewReferralValues } from './referral-form-values';

export interface TerritoryChoice {
  id: string;
  name: string;
}

export interface StepPersonProps {
  control: Control<NewReferralValues>;
  /** The territories where one may refer: a choice only when there are several. */
  territories: readonly TerritoryChoice[];
  /** A draft stays in its territory. */
  territoryFixed: boolean;
}

const STRICTLY_NECESSARY = 'N’écrivez que ce qui est strictement nécessaire à la cellule.';

/** Step 1: who the person is, how to reach her, and her housing. */
export function StepPerson({ control, territories, territoryFixed }: StepPersonProps) {
  const measure = useWatch({ control, name: 'person.protectionMeasure' });
  const territoryId = useWatch({ control, name: 'territoryId' });
  const territoryName = territories.find((territory) => territory.id === territoryId)?.name;
  return (
    <>
      {territories.length > 1 && !territoryFixed ? (
        <FormSelectField
          control={control}
          name="territoryId"
          label="Cellule saisie"
          hint="Le CLSM dont la cellule examinera la situation."
          options={territories.map((territory) => ({ value: territory.id, label: territory.name }))}
          emptyLabel="Choisissez un CLSM"
          rules={{ required: 'Choisissez le CLSM que vous saisissez.' }}
        />
      ) : territoryName ? (
        <p>
          Vous saisissez la cellule du <strong>{territoryName}</strong>.
        </p>
      ) : null}

      <h3>Identité</h3>
      <p className="hint-paragraph">
        Son identité est gardée à part. En réunion, la cellule ne voit que ses initiales, sa tranche d’âge et
        son quartier ; un partenaire ne voit son nom que si elle l’accepte.
      </p>
      <FormTextField
        control={control}
        name="person.lastName"
        label="Nom de famille"
        autoComplete="off"
        rules={{ required: 'Saisissez le nom de famille de la personne.' }}
      />
      <FormTextField
        control={control}
        name="person.firstName"
        label="Prénom"
        autoComplete="off"
        rules={{ required: 'Saisissez le prénom de la personne.' }}
      />
      <FormDateField
        control={control}
        name="person.birthDate"
        label="Date de naissance"
        hint="Si vous ne la connaissez pas, indiquez plutôt sa tranche d’âge."
      />
      <FormSelectField
        control={control}
        name="person.ageBand"
        label="Tranche d’âge"
        hint="Seulement si la date de naissance est inconnue."
        options={choicesOf(AGE_BANDS).map(({ value, label }) => ({ value, label }))}
      />
      <FormChoiceGroup
        control={control}
        name="person.protectionMeasure"
        label="Mesure de protection juridique"
        hint="Tutelle, curatelle… Si vous l’ignorez, choisissez « Je ne sais pas »."
        choices={choicesOf(PROTECTION_MEASURES)}
        rules={{ required: 'Indiquez si la personne a une mesure de protection (ou « Je ne sais pas »).' }}
      />
      {measureHasRepresentative(measure) ? (
        <>
          <FormTextField
            control={control}
            name="person.representativeName"
            label="Représentant (tuteur, curateur, service mandataire…)"
            autoComplete="off"
          />
          <FormTextField
            control={control}
            name="person.representativeContact"
            label="Coordonnées du représentant"
            hint="Téléphone ou adresse du service."
            autoComplete="off"
          />
        </>
      ) : null}

      <h3>Coordonnées</h3>
      <FormTextField control={control} name="person.address" label="Adresse" autoComplete="off" />
      <FormTextField
        control={control}
        name="person.district"
        label="Quartier ou commune"
        hint="C’est ce que la cellule verra en réunion, jamais l’adresse."
        autoComplete="off"
      />
      <FormTextField
        control={control}
        name="person.phone"
        label="Téléphone"
        hint="Un numéro français, par exemple 06 12 34 56 78."
        type="tel"
        inputMode="tel"
        autoComplete="off"
      />

      <h3>Logement</h3>
      <FormTextField
        control={control}
        name="form.housingContext"
        label="Sa situation de logement"
        hint={`Bail, dette, procédure en cours, état du logement. ${STRICTLY_NECESSARY}`}
        multiline
      />
    </>
  );
}

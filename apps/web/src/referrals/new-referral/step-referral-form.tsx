import type { Control } from 'react-hook-form';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { FormTextField } from '../../ui/form/form-text-field';
import { choicesOf, DIFFICULTY_AREAS, REFERRAL_REQUESTS, URGENCIES } from './referral-labels';
import type { NewReferralValues } from './referral-form-values';
import { REQUESTS_REQUIRED, URGENCY_REQUIRED } from './referral-mapping';

export interface StepReferralFormProps {
  control: Control<NewReferralValues>;
  /** Health information is written by health professionals only. */
  mayWriteHealth: boolean;
}

const STRICTLY_NECESSARY = 'N’écrivez que ce qui est strictement nécessaire à la cellule.';

/** Step 2: why the cell is asked, what was tried, and what is asked of it. */
export function StepReferralForm({ control, mayWriteHealth }: StepReferralFormProps) {
  return (
    <>
      <FormTextField
        control={control}
        name="form.description"
        label={'Pourquoi saisissez-vous la cellule\u00a0?'}
        hint={`La situation en quelques lignes (2 000 caractères au plus). ${STRICTLY_NECESSARY}${
          mayWriteHealth ? '' : ' Rien sur sa santé.'
        }`}
        multiline
      />
      <FormChoiceGroup
        control={control}
        name="form.difficultyAreas"
        label="Domaines de difficulté"
        hint="Cochez tout ce qui concerne la situation."
        choices={choicesOf(DIFFICULTY_AREAS)}
        multiple
        rules={{ required: 'Choisissez au moins un domaine de difficulté.' }}
      />
      <FormTextField
        control={control}
        name="form.servicesInvolved"
        label="Services déjà impliqués"
        hint="Un service par ligne, sans nom de personne (par exemple : CCAS, médecin traitant)."
        multiline
      />
      <FormTextField
        control={control}
        name="form.actionsTried"
        label="Ce qui a déjà été tenté"
        hint={`Démarches, rencontres, propositions faites à la personne. ${STRICTLY_NECESSARY}`}
        multiline
      />
      <FormTextField control={control} name="form.blockages" label="Ce qui bloque" multiline />
      {mayWriteHealth ? (
        <FormTextField
          control={control}
          name="form.healthInformation"
          label="Informations de santé"
          hint="Lues seulement par les professionnels de santé."
          multiline
        />
      ) : null}
      <FormTextField
        control={control}
        name="form.questionToCell"
        label="Votre question à la cellule"
        hint="Ce que vous attendez d’elle, en une ou deux phrases."
        multiline
        rules={{ required: 'Dites ce que vous attendez de la cellule.' }}
      />
      <FormChoiceGroup
        control={control}
        name="form.urgency"
        label="L’urgence que vous ressentez"
        choices={choicesOf(URGENCIES)}
        rules={{ required: URGENCY_REQUIRED }}
      />
      <FormChoiceGroup
        control={control}
        name="form.requests"
        label="Ce que vous demandez à la cellule"
        hint="L’accord de la personne ne pourra pas couvrir davantage."
        choices={choicesOf(REFERRAL_REQUESTS)}
        multiple
        rules={{ required: REQUESTS_REQUIRED }}
      />
    </>
  );
}

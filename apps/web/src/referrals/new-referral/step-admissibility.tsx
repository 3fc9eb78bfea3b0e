import { useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { EmergencyGuidancePanel } from './emergency-guidance-panel';
import type { NewReferralValues } from './referral-form-values';
import { needsEmergencyGuidance } from './referral-mapping';

const YES_NO = [
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
];

export interface StepAdmissibilityProps {
  control: Control<NewReferralValues>;
  /** The guidance to show: the api's, word for word. */
  guidance: readonly string[];
}

/** Step 3: the conditions the api checks before the cell is seized, and whom to call otherwise. */
export function StepAdmissibility({ control, guidance }: StepAdmissibilityProps) {
  const answers = useWatch({ control, name: 'admissibility' });
  return (
    <>
      <p>
        La cellule se réunit à date fixe pour examiner des situations que les services habituels n’ont pas pu
        résoudre seuls. Répondez à ces trois questions avant de continuer.
      </p>
      <FormChoiceGroup
        control={control}
        name="admissibility.imminentDanger"
        label={'Y a-t-il un danger grave et immédiat, pour la personne ou pour autrui\u00a0?'}
        choices={YES_NO}
        rules={{ required: 'Répondez à cette question.' }}
      />
      <FormChoiceGroup
        control={control}
        name="admissibility.emergency"
        label={'La situation relève-t-elle de l’urgence\u00a0?'}
        hint="Elle ne peut pas attendre la prochaine réunion de la cellule."
        choices={YES_NO}
        rules={{ required: 'Répondez à cette question.' }}
      />
      <FormChoiceGroup
        control={control}
        name="admissibility.commonLawRoutesTried"
        label={'Les voies de droit commun ont-elles été tentées\u00a0?'}
        hint="Les services habituels ont été sollicités : service social du Département ou CCAS, médecin traitant, CMP du secteur…"
        choices={YES_NO}
        rules={{ required: 'Répondez à cette question.' }}
      />
      {needsEmergencyGuidance(answers) ? (
        <EmergencyGuidancePanel guidance={guidance} nothingTried={answers.commonLawRoutesTried === 'no'} />
      ) : null}
    </>
  );
}

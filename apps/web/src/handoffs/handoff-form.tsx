import { Form } from 'react-aria-components';
import type { Control } from 'react-hook-form';
import { choicesOf } from '../referrals/new-referral/referral-labels';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormDateField } from '../ui/form/form-date-field';
import { FormSelectField } from '../ui/form/form-select-field';
import { FormTextField } from '../ui/form/form-text-field';
import type { HandoffFormValues } from './handoff-form-values';
import { CMP_FOLLOW_UP_STATUSES, EVICTION_PROCEDURE_STATES, RIGHTS_OPENED } from './handoff-words';
import { RecipientChoice } from './recipient-choice';
import type { HandoffRecipient } from './recipient-choice';

const EVICTION_OPTIONS = choicesOf(EVICTION_PROCEDURE_STATES).map(({ value, label }) => ({ value, label }));

/**
 * The hand-off's questions, in the order the receiving service reads them: to whom, who takes
 * over there, care, housing, rights, what remains, whom to call, and the person's agreement.
 */
export function HandoffForm({
  control,
  recipients,
  onSubmit,
}: {
  control: Control<HandoffFormValues>;
  recipients: readonly HandoffRecipient[];
  onSubmit(event: React.FormEvent<HTMLFormElement>): void;
}) {
  return (
    <Form
      className="form handoff-form"
      onSubmit={onSubmit}
      validationBehavior="aria"
      aria-label="Passage de relais"
    >
      <RecipientChoice control={control} recipients={recipients} />
      <FormTextField
        control={control}
        name="referentName"
        label="Le référent dans le service qui reçoit"
        hint="La personne qui prendra le relais, si vous la connaissez (par exemple « Dr Martin, CMP Nord »)."
        rules={{ minLength: { value: 2, message: 'Au moins 2 caractères.' } }}
        autoComplete="off"
      />
      <FormChoiceGroup
        control={control}
        name="cmpFollowUpStatus"
        label="Le suivi au CMP"
        hint="Secret médical : seuls les professionnels de santé du service qui reçoit le liront."
        choices={choicesOf(CMP_FOLLOW_UP_STATUSES)}
        rules={{ required: 'Dites où en est le suivi au CMP.' }}
      />
      <FormDateField
        control={control}
        name="firstAppointmentOn"
        label="La date du premier rendez-vous au CMP"
        hint="Si un rendez-vous est fixé. Secret médical, comme le suivi."
      />
      <FormTextField
        control={control}
        name="socialReferent"
        label="Le référent social de la personne"
        hint="Son assistant·e social·e ou le service qui la suit (nom et service)."
        rules={{ minLength: { value: 2, message: 'Au moins 2 caractères.' } }}
        autoComplete="off"
      />
      <FormSelectField
        control={control}
        name="evictionProcedureState"
        label="La procédure d’expulsion"
        hint="Où en est-elle aujourd’hui ? « Aucune procédure » s’il n’y en a pas."
        options={EVICTION_OPTIONS}
        emptyLabel="Choisissez…"
        rules={{ required: 'Dites où en est la procédure d’expulsion.' }}
      />
      <FormChoiceGroup
        control={control}
        name="rightsOpened"
        label="Les droits ouverts"
        hint="Cochez les droits que la personne perçoit ou qui sont ouverts à ce jour."
        choices={choicesOf(RIGHTS_OPENED)}
        multiple
      />
      <FormTextField
        control={control}
        name="residualRisks"
        label="Les risques qui demeurent"
        hint="Ce à quoi le service qui reçoit doit rester attentif : rupture de soins, dette, isolement…"
        multiline
        rules={{ maxLength: { value: 2000, message: 'Au plus 2 000 caractères.' } }}
      />
      <FormTextField
        control={control}
        name="contacts"
        label="Les contacts utiles"
        hint="Qui appeler et comment : famille, mandataire, médecin traitant, bailleur…"
        multiline
        rules={{ maxLength: { value: 1000, message: 'Au plus 1 000 caractères.' } }}
      />
      <FormChoiceGroup
        control={control}
        name="personAgreed"
        label="La personne est-elle d’accord avec ce relais ?"
        hint="Parlez-en avec elle avant de proposer le relais."
        choices={[
          { value: 'yes', label: 'Oui, elle est d’accord' },
          { value: 'no', label: 'Non, pas encore' },
        ]}
        rules={{ required: 'Dites si la personne est d’accord avec ce relais.' }}
      />
      <div className="button-row">
        <Button type="submit">Vérifier avant d’envoyer</Button>
      </div>
    </Form>
  );
}

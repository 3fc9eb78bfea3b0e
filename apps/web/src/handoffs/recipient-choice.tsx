import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import type { HandoffFormValues } from './handoff-form-values';

/** A partner of the territory, and whether the person's consent lets the team hand over to it. */
export interface HandoffRecipient {
  organisationId: string;
  name: string;
  /** The api's words for its kind, when it sends them. */
  kindLabel?: string;
  allowed: boolean;
  /** Why not, in the api's French words, when not allowed. */
  reason: string | null;
}

/**
 * Who receives the hand-off: the partners the consent names for it can be chosen; the others are
 * listed too, not choosable, with the api's reason, so the team knows why a service is missing.
 */
export function RecipientChoice({
  control,
  recipients,
}: {
  control: Control<HandoffFormValues>;
  recipients: readonly HandoffRecipient[];
}) {
  const {
    field: { name, value, onChange, onBlur },
    fieldState,
  } = useController({
    control,
    name: 'receivingOrganisationId',
    rules: { required: 'Choisissez le service qui reçoit le relais.' },
  });
  const allowed = recipients.filter((recipient) => recipient.allowed);
  return (
    <RadioGroup
      className="field choice-group recipient-choice"
      name={name}
      // An empty answer is no answer: the group stays reachable with Tab (see FormChoiceGroup).
      value={value || null}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      isRequired
      validationBehavior="aria"
    >
      <Label className="group-label">Le service qui reçoit le relais</Label>
      <Text slot="description" className="hint">
        Seuls les partenaires que l’accord de la personne nomme pour un passage de relais peuvent le recevoir.
        {allowed.length === 0
          ? ' Aucun ne l’est aujourd’hui : faites compléter l’accord de la personne par la coordination.'
          : ''}
      </Text>
      {recipients.map((recipient) => (
        <Radio
          key={recipient.organisationId}
          value={recipient.organisationId}
          isDisabled={!recipient.allowed}
          className={`choice${recipient.allowed ? '' : ' choice-not-allowed'}`}
        >
          <span className="choice-dot" aria-hidden="true" />
          <span>
            {recipient.name}
            {recipient.kindLabel ? <span className="choice-description">{recipient.kindLabel}</span> : null}
            {recipient.allowed ? null : (
              <span className="choice-description recipient-reason">
                <strong>Non autorisé :</strong>{' '}
                {recipient.reason ?? 'l’accord de la personne ne le nomme pas.'}
              </span>
            )}
          </span>
        </Radio>
      ))}
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </RadioGroup>
  );
}

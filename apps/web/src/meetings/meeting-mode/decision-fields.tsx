import type { KeyboardEvent } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { Control, UseFormSetFocus, UseFormSetValue } from 'react-hook-form';
import { Button } from '../../ui/button';
import { FormMemberSearchField } from '../../directory/member-search-field';
import { FormPartnerSearchField } from '../../directory/partner-search-field';
import { useMemberNames } from '../../directory/use-directory-names';
import { FormDateField } from '../../ui/form/form-date-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { EMPTY_ACTION, isBlankAction } from './item-record';
import type { ItemDraft } from './item-record';

/** Shown as required, checked only when the line is used: a blank line is simply left out. */
const WHEN_USED = { value: false, message: '' } as const;

export interface DecisionFieldsProps {
  control: Control<ItemDraft>;
  setFocus: UseFormSetFocus<ItemDraft>;
  setValue: UseFormSetValue<ItemDraft>;
  index: number;
  territoryId: string;
  onRemove?: () => void;
}

/**
 * One decision and its actions, « qui fait quoi pour quand », typed without leaving the keyboard:
 * Entrée in the decision goes to its first action; Entrée in an action line opens the next line
 * and puts the cursor in it.
 */
export function DecisionFields({
  control,
  setFocus,
  setValue,
  index,
  territoryId,
  onRemove,
}: DecisionFieldsProps) {
  const { fields, insert, remove } = useFieldArray({ control, name: `decisions.${index}.actions` });
  const number = index + 1;

  function onDecisionKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    if (fields.length) setFocus(`decisions.${index}.actions.0.description`);
    else insert(0, { ...EMPTY_ACTION });
  }

  return (
    <fieldset className="decision">
      <legend>Décision {number}</legend>
      <div onKeyDown={onDecisionKey}>
        <FormTextField
          control={control}
          name={`decisions.${index}.text`}
          label={`Ce que la cellule décide`}
          hint="3 à 1 000 caractères, sans information de santé. Entrée : aller aux actions."
          rules={{
            required: WHEN_USED,
            validate: (value, values) => {
              const text = String(value ?? '').trim();
              const used = text !== '' || !values.decisions[index]?.actions.every(isBlankAction);
              if (!used) return true;
              if (text.length < 3) return 'Écrivez la décision (3 caractères au moins).';
              if (text.length > 1000) return 'Au plus 1 000 caractères.';
              return true;
            },
          }}
        />
      </div>
      <div className="action-lines" role="group" aria-label={`Actions de la décision ${number}`}>
        {fields.map((field, actionIndex) => (
          <ActionLine
            key={field.id}
            control={control}
            setValue={setValue}
            decision={index}
            index={actionIndex}
            territoryId={territoryId}
            onEnter={() => insert(actionIndex + 1, { ...EMPTY_ACTION })}
            onRemove={fields.length > 1 ? () => remove(actionIndex) : undefined}
          />
        ))}
      </div>
      <div className="button-row">
        <Button variant="quiet" onPress={() => insert(fields.length, { ...EMPTY_ACTION })}>
          Ajouter une action<span className="visually-hidden"> à la décision {number}</span>
        </Button>
        {onRemove ? (
          <Button variant="quiet" onPress={onRemove}>
            Retirer la décision {number}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

interface ActionLineProps {
  control: Control<ItemDraft>;
  setValue: UseFormSetValue<ItemDraft>;
  decision: number;
  index: number;
  territoryId: string;
  onEnter(): void;
  onRemove?: () => void;
}

function ActionLine({ control, setValue, decision, index, territoryId, onEnter, onRemove }: ActionLineProps) {
  const path = `decisions.${decision}.actions.${index}` as const;
  const ownerUserId = useWatch({ control, name: `${path}.ownerUserId` });
  const owners = useMemberNames(territoryId, [ownerUserId]);
  const ownerPartnerId = owners.entryOf(ownerUserId)?.organisationId;

  const lineUsed = (values: ItemDraft) => {
    const line = values.decisions[decision]?.actions[index];
    return line ? !isBlankAction(line) : false;
  };

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target;
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
    // Entrée in an open list chooses there, and only there.
    if (target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    onEnter();
  }

  const number = index + 1;
  return (
    <div className="action-line" role="group" aria-label={`Action ${number}`} onKeyDown={onKey}>
      <FormTextField
        control={control}
        name={`${path}.description`}
        label={`Action ${number} : ce qu’il faut faire`}
        rules={{
          required: WHEN_USED,
          validate: (value, values) => {
            if (!lineUsed(values)) return true;
            const text = String(value ?? '').trim();
            if (text.length < 3) return 'Décrivez l’action (3 caractères au moins).';
            if (text.length > 500) return 'Au plus 500 caractères.';
            return true;
          },
        }}
      />
      <FormPartnerSearchField
        control={control}
        name={`${path}.ownerOrganisationId`}
        territoryId={territoryId}
        label="Partenaire chargé"
        rules={{
          required: WHEN_USED,
          validate: (value, values) =>
            !lineUsed(values) || Boolean(value) || 'Choisissez le partenaire chargé de l’action.',
        }}
        onChosen={(partner) => {
          // Another partner chosen: the person named at the former one no longer fits.
          if (ownerUserId && partner?.id !== ownerPartnerId) setValue(`${path}.ownerUserId`, '');
        }}
      />
      <FormMemberSearchField
        control={control}
        name={`${path}.ownerUserId`}
        territoryId={territoryId}
        label="Personne chargée"
        hint="Sans nom, l’action va au partenaire. Choisir la personne choisit aussi son partenaire."
        onChosen={(member) => {
          if (member) setValue(`${path}.ownerOrganisationId`, member.organisationId);
        }}
      />
      <FormDateField
        control={control}
        name={`${path}.dueOn`}
        label="Échéance"
        rules={{
          required: WHEN_USED,
          validate: (value, values) =>
            !lineUsed(values) || String(value ?? '').trim() !== '' || 'Indiquez l’échéance.',
        }}
      />
      {onRemove ? (
        <Button variant="quiet" onPress={onRemove}>
          Retirer l’action {number}
        </Button>
      ) : null}
    </div>
  );
}

import { useEffect, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { Control, UseFormSetFocus, UseFormSetValue } from 'react-hook-form';
import { Button } from '../../ui/button';
import { FormDateField } from '../../ui/form/form-date-field';
import { FormSelectField } from '../../ui/form/form-select-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { EMPTY_ACTION, isBlankAction } from './item-record';
import type { ItemDraft } from './item-record';
import type { NamedOrganisation, Professional } from './meeting-room';

/** Shown as required, checked only when the line is used: a blank line is simply left out. */
const WHEN_USED = { value: false, message: '' } as const;

export interface DecisionFieldsProps {
  control: Control<ItemDraft>;
  setFocus: UseFormSetFocus<ItemDraft>;
  setValue: UseFormSetValue<ItemDraft>;
  index: number;
  organisations: readonly NamedOrganisation[];
  members: readonly Professional[];
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
  organisations,
  members,
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
            organisations={organisations}
            members={members}
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
  organisations: readonly NamedOrganisation[];
  members: readonly Professional[];
  onEnter(): void;
  onRemove?: () => void;
}

function ActionLine({
  control,
  setValue,
  decision,
  index,
  organisations,
  members,
  onEnter,
  onRemove,
}: ActionLineProps) {
  const path = `decisions.${decision}.actions.${index}` as const;
  const ownerOrganisationId = useWatch({ control, name: `${path}.ownerOrganisationId` });
  const ownerUserId = useWatch({ control, name: `${path}.ownerUserId` });
  const people = useMemo(
    () =>
      members
        .filter((member) => member.organisationId === ownerOrganisationId)
        .map((member) => ({ value: member.id, label: `${member.firstName} ${member.lastName}` }))
        .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    [members, ownerOrganisationId],
  );
  // Another partner chosen: the person named at the former one no longer fits.
  useEffect(() => {
    if (ownerUserId && !people.some((person) => person.value === ownerUserId))
      setValue(`${path}.ownerUserId`, '');
  }, [ownerUserId, people, path, setValue]);

  const lineUsed = (values: ItemDraft) => {
    const line = values.decisions[decision]?.actions[index];
    return line ? !isBlankAction(line) : false;
  };

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target;
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement))
      return;
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
      <FormSelectField
        control={control}
        name={`${path}.ownerOrganisationId`}
        label="Partenaire chargé"
        emptyLabel="Choisir un partenaire"
        options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        rules={{
          required: WHEN_USED,
          validate: (value, values) =>
            !lineUsed(values) || Boolean(value) || 'Choisissez le partenaire chargé de l’action.',
        }}
      />
      <FormSelectField
        control={control}
        name={`${path}.ownerUserId`}
        label="Personne chargée"
        emptyLabel={ownerOrganisationId ? 'Le partenaire, sans nom' : 'Choisissez d’abord le partenaire'}
        options={people}
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

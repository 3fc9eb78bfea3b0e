import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { FormSelectField } from '../../ui/form/form-select-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { applyServerErrors } from '../../ui/form/server-errors';
import { Notice } from '../../ui/notice';
import { AGENDA_ITEM_KIND_LABELS } from '../meeting-labels';
import type { AgendaItemKind } from '../meeting-labels';
import { itemMinutesProblem } from './agenda-plan';
import { UpdateAgendaItemMutation } from './preparation.operations';
import type { AgendaItemView, AgendaView } from './preparation.operations';

export interface Partner {
  id: string;
  name: string;
}

export interface Member {
  id: string;
  name: string;
  organisationId: string;
}

interface SettingsValues {
  minutes: string;
  kind: AgendaItemKind;
  guestOrganisationIds: string[];
  presenterOrganisationId: string;
  presenterUserId: string;
}

const FIELDS = [
  'minutes',
  'kind',
  'guestOrganisationIds',
  'presenterOrganisationId',
  'presenterUserId',
] as const;

const KIND_OPTIONS = Object.entries(AGENDA_ITEM_KIND_LABELS).map(([value, label]) => ({ value, label }));

export interface ItemSettingsProps {
  item: AgendaItemView;
  partners: readonly Partner[];
  members: readonly Member[];
  onSaved(agenda: AgendaView, message: string): void;
  onCancel(): void;
}

/**
 * One item's settings: its time, its type, the partners invited for it alone and who presents it.
 * The api decides (a guest the consent does not allow is refused there, in its words).
 */
export function ItemSettings({ item, partners, members, onSaved, onCancel }: ItemSettingsProps) {
  const [saving, update] = useMutation(UpdateAgendaItemMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<SettingsValues>({
    defaultValues: {
      minutes: String(item.minutes),
      kind: item.kind,
      guestOrganisationIds: item.guestOrganisationIds ?? [],
      presenterOrganisationId: item.presenterOrganisationId ?? '',
      presenterUserId: item.presenterUserId ?? '',
    },
  });
  const presenterOrganisationId = useWatch({ control, name: 'presenterOrganisationId' });
  const presenters = members.filter(
    (member) => !presenterOrganisationId || member.organisationId === presenterOrganisationId,
  );

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    const result = await update({
      input: {
        itemId: item.id,
        minutes: Number(values.minutes.trim()),
        kind: values.kind,
        guestOrganisationIds: values.guestOrganisationIds,
        presenterOrganisationId: values.presenterOrganisationId || null,
        presenterUserId: values.presenterUserId || null,
      },
    });
    if (result.error) {
      const shown = readError(result.error);
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    if (result.data) {
      onSaved(result.data.updateAgendaItem, `Réglages du point ${item.caseCode} enregistrés.`);
    }
  });

  return (
    <Form
      className="form item-settings"
      onSubmit={(event) => void submit(event)}
      validationBehavior="aria"
      aria-label={`Réglages du point ${item.caseCode}`}
    >
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <FormTextField
        control={control}
        name="minutes"
        label="Temps prévu, en minutes"
        hint="De 5 à 120 minutes."
        inputMode="numeric"
        rules={{
          required: 'Indiquez le temps prévu.',
          validate: (value) => itemMinutesProblem(String(value)) ?? true,
        }}
      />
      <FormSelectField
        control={control}
        name="kind"
        label="Type de point"
        options={KIND_OPTIONS}
        rules={{ required: 'Choisissez le type de point.' }}
      />
      <FormChoiceGroup
        control={control}
        name="guestOrganisationIds"
        label="Partenaires invités pour ce point"
        hint="Ils verront ce point en détail, et les autres par leur code seulement."
        multiple
        choices={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
      />
      <FormSelectField
        control={control}
        name="presenterOrganisationId"
        label="Partenaire qui présente la situation"
        emptyLabel="Personne pour l’instant"
        options={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
      />
      <FormSelectField
        control={control}
        name="presenterUserId"
        label="Personne qui présente"
        emptyLabel="Pas encore désignée"
        options={presenters.map((member) => ({ value: member.id, label: member.name }))}
      />
      <div className="button-row">
        <Button type="submit" isPending={saving.fetching}>
          Enregistrer le point
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          Annuler
        </Button>
      </div>
    </Form>
  );
}

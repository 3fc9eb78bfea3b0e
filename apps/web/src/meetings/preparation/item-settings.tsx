import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { FormMemberSearchField } from '../../directory/member-search-field';
import { FormPartnerChoices } from '../../directory/partner-choices';
import { FormPartnerSearchField } from '../../directory/partner-search-field';
import { useMemberNames } from '../../directory/use-directory-names';
import { FormSelectField } from '../../ui/form/form-select-field';
import { FormTextField } from '../../ui/form/form-text-field';
import { applyServerErrors } from '../../ui/form/server-errors';
import { Notice } from '../../ui/notice';
import { AGENDA_ITEM_KIND_LABELS } from '../meeting-labels';
import type { AgendaItemKind } from '../meeting-labels';
import { itemMinutesProblem } from './agenda-plan';
import { UpdateAgendaItemMutation } from './preparation.operations';
import type { AgendaItemView, AgendaView } from './preparation.operations';

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
  territoryId: string;
  onSaved(agenda: AgendaView, message: string): void;
  onCancel(): void;
}

/**
 * One item's settings: its time, its type, the partners invited for it alone and who presents it.
 * The api decides (a guest the consent does not allow is refused there, in its words).
 */
export function ItemSettings({ item, territoryId, onSaved, onCancel }: ItemSettingsProps) {
  const [saving, update] = useMutation(UpdateAgendaItemMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError, setValue } = useForm<SettingsValues>({
    defaultValues: {
      minutes: String(item.minutes),
      kind: item.kind,
      guestOrganisationIds: item.guestOrganisationIds ?? [],
      presenterOrganisationId: item.presenterOrganisationId ?? '',
      presenterUserId: item.presenterUserId ?? '',
    },
  });
  const presenterUserId = useWatch({ control, name: 'presenterUserId' });
  // The presenting person's partner: choosing another partner takes her away.
  const presenterNames = useMemberNames(territoryId, [presenterUserId]);
  const presenterPartnerId = presenterNames.entryOf(presenterUserId)?.organisationId;

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
      <FormPartnerChoices
        control={control}
        name="guestOrganisationIds"
        territoryId={territoryId}
        label="Partenaires invités pour ce point"
        hint="Ils verront ce point en détail, et les autres par leur code seulement."
        addLabel="Inviter un partenaire"
        addHint="Il s’ajoute, coché, aux invités de ce point."
      />
      <FormPartnerSearchField
        control={control}
        name="presenterOrganisationId"
        territoryId={territoryId}
        label="Partenaire qui présente la situation"
        onChosen={(partner) => {
          if (presenterUserId && partner?.id !== presenterPartnerId) setValue('presenterUserId', '');
        }}
      />
      <FormMemberSearchField
        control={control}
        name="presenterUserId"
        territoryId={territoryId}
        label="Personne qui présente"
        hint="Choisir la personne choisit aussi son partenaire."
        onChosen={(member) => {
          if (member) setValue('presenterOrganisationId', member.organisationId);
        }}
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

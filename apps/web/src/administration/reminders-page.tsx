import { useRef, useState } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormTextField } from '../ui/form/form-text-field';
import { applyServerErrors } from '../ui/form/server-errors';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { AdministeredTerritoryChoice } from './administered-territory';
import type { AdministeredTerritory } from './administered-territory';
import { ReminderPoliciesQuery, TuneReminderPolicyMutation } from './administration.operations';
import { offsetsInWords, parseOffsets, repeatsInWords } from './reminder-words';
import '../ui/dialog.css';
import './administration.css';

type Policy = ResultOf<typeof ReminderPoliciesQuery>['reminderPolicies'][number];

/** « Rappels » : each kind of reminder, when it is sent in this territory, and its tuning. */
export function RemindersPage() {
  usePageTitle('Rappels');
  return (
    <>
      <h1>Rappels</h1>
      <p>
        <Link to="/administration">Retour à l’administration</Link>
      </p>
      <AdministeredTerritoryChoice>
        {(territory) => <Reminders key={territory.id} territory={territory} />}
      </AdministeredTerritoryChoice>
    </>
  );
}

function Reminders({ territory }: { territory: AdministeredTerritory }) {
  const [result] = useQuery({ query: ReminderPoliciesQuery, variables: { territoryId: territory.id } });
  const [announcement, setAnnouncement] = useState<{ at: number; message: string }>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, announcement?.at);

  const policies = result.data?.reminderPolicies;
  if (result.error && !policies) return <Notice tone="error">{readError(result.error).message}</Notice>;
  if (!policies) return <p role="status">Chargement des rappels…</p>;
  return (
    <>
      <p className="reading-width">
        Les rappels que Relais envoie dans {territory.name}. Un nouveau réglage s’applique aux rappels
        planifiés ensuite.
      </p>
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement" role="status">
          {announcement.message}
        </div>
      ) : null}
      <ul className="member-list reminder-list">
        {policies.map((policy) => (
          <li key={policy.kind}>
            <h2 className="policy-title">{policy.label}</h2>
            <dl className="summary-list">
              <dt>Pour</dt>
              <dd>{policy.audience}</dd>
              <dt>Envoi</dt>
              <dd>{policy.enabled ? 'Envoyé' : 'Coupé dans ce territoire'}</dd>
              {policy.enabled ? (
                <>
                  <dt>Quand</dt>
                  <dd>{offsetsInWords(policy.offsetsDays, policy.workingDays)}</dd>
                  <dt>Relances</dt>
                  <dd>{repeatsInWords(policy.repeatEveryDays ?? null, policy.maxRepeats)}</dd>
                </>
              ) : null}
              <dt>Réglage</dt>
              <dd>{policy.isDefault ? 'par défaut' : 'propre au territoire'}</dd>
            </dl>
            <TuneDialog
              territoryId={territory.id}
              policy={policy}
              onTuned={(message) => setAnnouncement((previous) => ({ at: (previous?.at ?? 0) + 1, message }))}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

interface TuneValues {
  enabled: 'yes' | 'no';
  offsetsDays: string;
  repeatEveryDays: string;
  maxRepeats: string;
}

const FIELDS = ['enabled', 'offsetsDays', 'repeatEveryDays', 'maxRepeats'] as const;

interface TuneDialogProps {
  territoryId: string;
  policy: Policy;
  onTuned(message: string): void;
}

function TuneDialog(props: TuneDialogProps) {
  return (
    <DialogTrigger>
      <Button variant="quiet">
        Régler<span className="visually-hidden"> le rappel « {props.policy.label} »</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <TuneForm
                {...props}
                onCancel={close}
                onTuned={(message) => {
                  close();
                  props.onTuned(message);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

const wholeNumber = (message: string) => (value: string) =>
  !value.trim() || /^\d+$/.test(value.trim()) || message;

function TuneForm({ territoryId, policy, onCancel, onTuned }: TuneDialogProps & { onCancel(): void }) {
  const [state, tune] = useMutation(TuneReminderPolicyMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<TuneValues>({
    defaultValues: {
      enabled: policy.enabled ? 'yes' : 'no',
      offsetsDays: policy.offsetsDays.join(', '),
      repeatEveryDays: policy.repeatEveryDays?.toString() ?? '',
      maxRepeats: policy.maxRepeats.toString(),
    },
  });
  const unit = policy.workingDays ? 'jours ouvrés' : 'jours';

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    const offsetsDays = parseOffsets(values.offsetsDays) ?? [];
    const result = await tune({
      input: {
        territoryId,
        kind: policy.kind,
        enabled: values.enabled === 'yes',
        offsetsDays,
        repeatEveryDays: values.repeatEveryDays.trim() ? Number(values.repeatEveryDays) : null,
        maxRepeats: values.maxRepeats.trim() ? Number(values.maxRepeats) : 0,
      },
    });
    if (result.error) {
      const shown = readError(result.error);
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    onTuned(`Le rappel « ${policy.label} » est réglé.`);
  });

  return (
    <>
      <Heading slot="title">Régler le rappel « {policy.label} »</Heading>
      <p className="hint">Pour : {policy.audience}. Le réglage s’applique aux rappels planifiés ensuite.</p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup
          control={control}
          name="enabled"
          label="Envoi"
          choices={[
            { value: 'yes', label: 'Envoyé' },
            { value: 'no', label: 'Coupé dans ce territoire' },
          ]}
          rules={{ required: 'Choisissez si le rappel est envoyé.' }}
        />
        <FormTextField
          control={control}
          name="offsetsDays"
          label={`Quand (en ${unit})`}
          hint="Par rapport à la date concernée, séparés par des virgules ; négatif : avant (« -7, -1 » : 7 jours puis 1 jour avant). 5 moments au plus, de -90 à 365."
          rules={{
            validate: (value) =>
              parseOffsets(value) !== undefined || 'Écrivez des nombres entiers séparés par des virgules.',
          }}
        />
        <FormTextField
          control={control}
          name="repeatEveryDays"
          label="Relancer tous les (jours)"
          hint="Après le dernier moment, de 1 à 90 jours. Vide : pas de relance."
          inputMode="numeric"
          rules={{ validate: wholeNumber('Écrivez un nombre entier de jours.') }}
        />
        <FormTextField
          control={control}
          name="maxRepeats"
          label="Nombre de relances au plus"
          hint="De 0 à 10."
          inputMode="numeric"
          rules={{ validate: wholeNumber('Écrivez un nombre entier.') }}
        />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Enregistrer le réglage
          </Button>
        </div>
      </Form>
    </>
  );
}

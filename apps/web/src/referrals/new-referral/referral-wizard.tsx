import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import type { CombinedError } from 'urql';
import { useOrganisationNames } from '../../directory/use-directory-names';
import { readError } from '../../graphql/errors';
import { readFragment } from '../../graphql/graphql';
import { navigate } from '../../routing/router';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { ConsentFields } from './consent-fields';
import { consentValuesFrom } from './consent-summary';
import { EMERGENCY_GUIDANCE, guidanceOf } from './emergency-guidance';
import { frenchTime } from '../../ui/written-dates';
import { parisDay } from './french-dates';
import {
  ConsentFields as ConsentFragment,
  CreateReferralMutation,
  DraftReferralFields,
  RecordConsentMutation,
  SubmitReferralMutation,
  UpdateReferralMutation,
} from './new-referral.operations';
import type { NewReferralContext, RecordedConsent as Recorded } from './new-referral.operations';
import { RecordedConsent } from './recorded-consent';
import { ReferralSubmitted } from './referral-submitted';
import { emptyValues, shownFields, STEPS } from './referral-form-values';
import type { FieldName, NewReferralValues, StepNumber } from './referral-form-values';
import {
  admissibilityProblems,
  draftSaveProblems,
  firstIncompleteStep,
  toConsentInput,
  toPersonInput,
  toReferralFormInput,
  toSubmitInput,
  valuesFromDraft,
} from './referral-mapping';
import type { DraftReferral } from './referral-mapping';
import { placeServerProblems, serverFieldProblems } from './server-field-paths';
import type { FormOperation, PlacedProblems } from './server-field-paths';
import { StepAdmissibility } from './step-admissibility';
import { StepList } from './step-list';
import { StepPerson } from './step-person';
import type { TerritoryChoice } from './step-person';
import { StepReferralForm } from './step-referral-form';
import { StepReview } from './step-review';

export interface ReferralTerritory extends TerritoryChoice {
  consentValidityMonths: number;
}

export interface ReferralWizardProps {
  me: NonNullable<NewReferralContext>;
  territories: readonly ReferralTerritory[];
  /** The draft being resumed, as the api read it back. */
  draft?: DraftReferral;
  /** The person's answer already recorded for this draft. */
  recordedConsent?: Recorded;
  /** The first save made the draft: the page's address becomes the draft's own. */
  onCreated(referralId: string): void;
}

type FocusTarget = { kind: 'heading' } | { kind: 'field'; name: FieldName };

/** Radio buttons and check boxes share their name: the chosen one, else the first, takes the focus. */
function focusField(name: FieldName): void {
  const elements = Array.from(document.getElementsByName(name)) as HTMLInputElement[];
  (elements.find((element) => element.checked) ?? elements[0])?.focus();
}

function initialValues(props: ReferralWizardProps): NewReferralValues {
  const today = parisDay(new Date());
  const base = emptyValues(props.territories.length === 1 ? props.territories[0]!.id : '', today);
  if (!props.draft) return base;
  const values = valuesFromDraft(props.draft, base);
  return props.recordedConsent ? { ...values, consent: consentValuesFrom(props.recordedConsent) } : values;
}

/**
 * The guided form: five steps on one set of values, each checked before the next; steps 1 and 2
 * save the draft on the server (created at the first save), step 4 records the person's answer,
 * step 5 sends the referral. The api's field errors land on their field, on whichever step.
 */
export function ReferralWizard(props: ReferralWizardProps) {
  const { me, territories, draft, onCreated } = props;
  const [defaults] = useState(() => initialValues(props));
  const { control, trigger, getValues, setError, clearErrors, reset, subscribe, getFieldState, formState } =
    useForm<NewReferralValues>({ defaultValues: defaults });
  const [step, setStep] = useState<StepNumber>(() => (draft ? firstIncompleteStep(defaults) : 1));
  const [reached, setReached] = useState<StepNumber>(step);
  const [referralId, setReferralId] = useState(draft?.id);
  const [caseCode, setCaseCode] = useState(draft?.person.caseCode);
  const [consent, setConsent] = useState(props.recordedConsent);
  const [editingConsent, setEditingConsent] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [guidance, setGuidance] = useState<readonly string[]>(EMERGENCY_GUIDANCE);
  const [savedAt, setSavedAt] = useState<Date>();
  const [submittedAt, setSubmittedAt] = useState<Date>();
  const [focus, setFocus] = useState<{ target: FocusTarget; tick: number }>();
  const heading = useRef<HTMLHeadingElement>(null);

  const [createState, createReferral] = useMutation(CreateReferralMutation);
  const [updateState, updateReferral] = useMutation(UpdateReferralMutation);
  const [recordState, recordConsent] = useMutation(RecordConsentMutation);
  const [submitState, submitReferral] = useMutation(SubmitReferralMutation);
  const busy = createState.fetching || updateState.fetching || recordState.fetching || submitState.fetching;

  const territoryId = useWatch({ control, name: 'territoryId' });
  const territory = territories.find((candidate) => candidate.id === territoryId);
  const validityMonths = territory?.consentValidityMonths ?? 12;
  // The partners the consent names, named by the api whatever their place in the directory.
  const recipients = useWatch({ control, name: 'consent.recipients' });
  const names = useOrganisationNames(territoryId, step < 4 ? [] : recipients);
  const partners = recipients.flatMap((id) => names.entryOf(id) ?? []);
  const mayWriteHealth = me.sharingCategory === 'HEALTH';
  // A draft stays in the territory it was written for: the choice goes once it exists.
  const options = { territoryChoice: territories.length > 1 && !referralId, mayWriteHealth };
  const title = STEPS[step - 1]!.title;
  usePageTitle(`Nouvelle saisine — étape ${step} sur 5 : ${title.toLowerCase()}`);

  // An answer changed is an answer to check again: its error (the form's or the api's) goes.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name, type }) => {
          if (name && type === 'change') clearErrors(name as FieldName);
        },
      }),
    [subscribe, clearErrors],
  );

  // A new step reads from its title; a refused answer from its field. After the render that shows
  // them, and after the shell's own focus when the address changed with the first save.
  useEffect(() => {
    if (!focus) return;
    const timer = window.setTimeout(() => {
      if (focus.target.kind === 'field') focusField(focus.target.name);
      else heading.current?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focus]);

  // Leaving the page with unsaved answers asks first (the browser's own question).
  const { isDirty, dirtyFields } = formState;
  const unsaved = isDirty && !submittedAt;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  function focusOn(target: FocusTarget) {
    setFocus((previous) => ({ target, tick: (previous?.tick ?? 0) + 1 }));
  }

  function moveTo(next: StepNumber) {
    setStep(next);
    setReached((previous) => (next > previous ? next : previous));
    focusOn({ kind: 'heading' });
  }

  /** Puts each problem on its field, on the first step concerned, and the rest at the top. */
  function showProblems(placed: PlacedProblems, summary: string | undefined) {
    const entries = Object.entries(placed.fields) as [FieldName, string][];
    for (const [field, message] of entries) setError(field, { type: 'server', message });
    const pointer = entries.length ? ['Corrigez ce qui est signalé sous chaque champ concerné.'] : [];
    setMessages([...(summary ? [summary] : []), ...placed.unplaced, ...pointer]);
    if (placed.step !== undefined) {
      const target = placed.step;
      setStep(target);
      setReached((previous) => (target > previous ? target : previous));
      const first = shownFields(target, getValues(), options).find((field) => placed.fields[field]);
      focusOn(first ? { kind: 'field', name: first } : { kind: 'heading' });
    }
  }

  function showServerError(operation: FormOperation, error: CombinedError) {
    const shown = readError(error);
    if (shown.code === 'EMERGENCY') {
      setGuidance(guidanceOf(shown.extensions) ?? EMERGENCY_GUIDANCE);
      showProblems(
        { fields: { 'admissibility.imminentDanger': shown.message }, unplaced: [], step: 3 },
        undefined,
      );
      return;
    }
    showProblems(placeServerProblems(operation, serverFieldProblems(shown.extensions)), shown.message);
  }

  async function validateStep(target: Exclude<StepNumber, 5>): Promise<boolean> {
    const names = shownFields(target, getValues(), options);
    if (await trigger(names)) return true;
    const first = names.find((name) => getFieldState(name).invalid);
    if (first) focusOn({ kind: 'field', name: first });
    return false;
  }

  async function saveDraft(): Promise<DraftReferral | undefined> {
    const values = getValues();
    const incomplete = draftSaveProblems(values.form);
    if (incomplete.length) {
      showProblems(
        {
          fields: Object.fromEntries(incomplete.map((problem) => [problem.field, problem.message])),
          unplaced: [],
          step: 2,
        },
        'Pour enregistrer la fiche de saisine, indiquez l’urgence et ce que vous demandez.',
      );
      return undefined;
    }
    const person = toPersonInput(values.person);
    const form = toReferralFormInput(values.form, { mayWriteHealth });
    let saved: DraftReferral | undefined;
    if (referralId) {
      const result = await updateReferral({ input: { referralId, person, form } });
      if (result.error) showServerError('saveDraft', result.error);
      else if (result.data) saved = readFragment(DraftReferralFields, result.data.updateReferral);
    } else {
      const result = await createReferral({ input: { territoryId: values.territoryId, person, form } });
      if (result.error) showServerError('saveDraft', result.error);
      else if (result.data) saved = readFragment(DraftReferralFields, result.data.createReferral);
    }
    if (!saved) return undefined;
    // What is saved is the new starting point: leaving now loses nothing (typed meanwhile stays unsaved).
    reset(values, { keepValues: true });
    setSavedAt(new Date());
    setCaseCode(saved.person.caseCode);
    if (!referralId) {
      setReferralId(saved.id);
      onCreated(saved.id);
    }
    return saved;
  }

  async function recordAnswer() {
    if (!referralId) return;
    const result = await recordConsent({ referralId, input: toConsentInput(getValues('consent')) });
    if (result.error) return showServerError('recordConsent', result.error);
    if (!result.data) return;
    const recorded = readFragment(ConsentFragment, result.data.recordConsent);
    setConsent(recorded);
    setEditingConsent(false);
    reset({ ...getValues(), consent: consentValuesFrom(recorded) });
    focusOn({ kind: 'heading' });
  }

  async function send() {
    if (!referralId) return;
    if ((dirtyFields.person || dirtyFields.form) && !(await saveDraft())) return;
    const result = await submitReferral({ input: toSubmitInput(referralId, getValues('admissibility')) });
    if (result.error) return showServerError('submitReferral', result.error);
    reset(getValues());
    setSubmittedAt(new Date());
  }

  async function next() {
    setMessages([]);
    if (step === 1 || step === 2) {
      if ((await validateStep(step)) && (await saveDraft())) moveTo(step === 1 ? 2 : 3);
      return;
    }
    if (step === 3) {
      if (!(await validateStep(3))) return;
      const problems = admissibilityProblems(getValues('admissibility'));
      for (const problem of problems)
        setError(problem.field, { type: 'admissibility', message: problem.message });
      if (problems.length) return focusOn({ kind: 'field', name: problems[0]!.field });
      return moveTo(4);
    }
    if (step === 4) {
      if (consent && !editingConsent) return moveTo(5);
      if (await validateStep(4)) await recordAnswer();
      return;
    }
    await send();
  }

  async function saveAndQuit() {
    setMessages([]);
    if (step === 1 && !(await validateStep(1))) return;
    if (await saveDraft()) navigate('/saisines');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void next();
  }

  if (submittedAt && referralId) {
    return (
      <ReferralSubmitted
        referralId={referralId}
        caseCode={caseCode}
        submittedAt={submittedAt}
        consentRecorded={Boolean(consent)}
      />
    );
  }

  const showRecordedConsent = step === 4 && consent && !editingConsent && referralId;
  const nextLabel =
    step === 5
      ? 'Transmettre à la cellule'
      : step === 4 && !showRecordedConsent
        ? 'Enregistrer sa réponse'
        : 'Suivant';
  const collector = `vous, ${me.firstName} ${me.lastName} (${me.organisation.name})`;

  return (
    <div className="new-referral">
      <h1>Nouvelle saisine</h1>
      {caseCode ? (
        <p className="draft-status">
          Brouillon {caseCode}
          <span role="status">
            {savedAt ? ` · enregistré à ${frenchTime(savedAt).replace(/ /g, '\u00a0')}` : ''}
          </span>
        </p>
      ) : null}
      <StepList current={step} reached={reached} />
      <form className="form step-form" noValidate onSubmit={submit}>
        <h2 ref={heading} tabIndex={-1} className="step-heading">
          Étape {step} sur 5 : {title}
        </h2>
        {messages.length ? (
          <Notice tone="error">
            {messages.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </Notice>
        ) : null}
        {step === 1 ? (
          <StepPerson control={control} territories={territories} territoryFixed={!options.territoryChoice} />
        ) : null}
        {step === 2 ? <StepReferralForm control={control} mayWriteHealth={mayWriteHealth} /> : null}
        {step === 3 ? <StepAdmissibility control={control} guidance={guidance} /> : null}
        {step === 4 && showRecordedConsent ? (
          <RecordedConsent
            referralId={referralId}
            consent={consent}
            onCorrect={() => setEditingConsent(true)}
          />
        ) : null}
        {step === 4 && !showRecordedConsent ? (
          <ConsentFields
            control={control}
            territoryId={territoryId}
            organisations={partners}
            collector={collector}
            validityMonths={validityMonths}
          />
        ) : null}
        {step === 5 ? (
          <StepReview
            values={getValues()}
            organisations={partners}
            validityMonths={validityMonths}
            consentRecorded={Boolean(consent)}
            mayWriteHealth={mayWriteHealth}
            onEdit={moveTo}
          />
        ) : null}
        <div className="step-actions">
          {step > 1 ? (
            <Button variant="quiet" onPress={() => moveTo((step - 1) as StepNumber)} isDisabled={busy}>
              Précédent
            </Button>
          ) : null}
          <Button variant="quiet" onPress={() => void saveAndQuit()} isDisabled={busy}>
            Enregistrer et quitter
          </Button>
          <Button type="submit" isPending={busy}>
            {nextLabel}
          </Button>
        </div>
      </form>
    </div>
  );
}

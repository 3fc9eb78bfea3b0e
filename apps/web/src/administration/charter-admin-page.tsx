import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import type { VariablesOf } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormTextField } from '../ui/form/form-text-field';
import { applyServerErrors } from '../ui/form/server-errors';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { frenchDate } from '../ui/written-dates';
import { AdministeredTerritoryChoice } from './administered-territory';
import type { AdministeredTerritory } from './administered-territory';
import { PublishCharterMutation, TerritoryChartersQuery } from './administration.operations';
import '../ui/dialog.css';
import './administration.css';

type CharterKind = VariablesOf<typeof PublishCharterMutation>['input']['kind'];

const CHARTER_KINDS: Readonly<Record<CharterKind, { label: string; description: string }>> = {
  CONFIDENTIALITY: {
    label: 'Charte de confidentialité',
    description: 'Le secret partagé et l’information strictement nécessaire.',
  },
  RULES: { label: 'Règlement intérieur', description: 'Le fonctionnement de la cellule.' },
};

const KIND_CHOICES = (Object.keys(CHARTER_KINDS) as CharterKind[]).map((kind) => ({
  value: kind,
  ...CHARTER_KINDS[kind],
}));

const charterKindLabel = (kind: string) => CHARTER_KINDS[kind as CharterKind]?.label ?? kind;

/** « Charte » : the texts in force, and publishing a new version, which every member accepts again. */
export function CharterAdminPage() {
  usePageTitle('Charte et règlement');
  return (
    <>
      <h1>Charte et règlement</h1>
      <p>
        <Link to="/administration">Retour à l’administration</Link>
      </p>
      <AdministeredTerritoryChoice>
        {(territory) => <Charters key={territory.id} territory={territory} />}
      </AdministeredTerritoryChoice>
    </>
  );
}

interface CharterValues {
  kind: CharterKind | '';
  title: string;
  body: string;
}

const FIELDS = ['kind', 'title', 'body'] as const;

function Charters({ territory }: { territory: AdministeredTerritory }) {
  const territoryId = territory.id;
  const [result, reexecute] = useQuery({ query: TerritoryChartersQuery, variables: { territoryId } });
  const [publishing, publishCharter] = useMutation(PublishCharterMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState<{ at: number; message: string }>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, announcement?.at);
  const { control, handleSubmit, setError, reset } = useForm<CharterValues>({
    defaultValues: { kind: '', title: '', body: '' },
  });

  const submit = handleSubmit(async ({ kind, title, body }) => {
    setGeneral([]);
    if (!kind) return;
    const published = await publishCharter({ input: { territoryId, kind, title, body } });
    if (published.error) {
      const shown = readError(published.error);
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    reset();
    // An empty list names no type for the cache to invalidate: the list is asked again.
    reexecute({ requestPolicy: 'network-only' });
    const charter = published.data?.publishCharter;
    const message = charter
      ? `La version ${charter.version} du texte « ${charterKindLabel(charter.kind)} » est publiée : chaque membre l’acceptera à sa prochaine visite.`
      : 'La nouvelle version est publiée.';
    setAnnouncement((previous) => ({ at: (previous?.at ?? 0) + 1, message }));
  });

  const charters = result.data?.charters;
  return (
    <>
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement" role="status">
          {announcement.message}
        </div>
      ) : null}
      <section aria-labelledby="textes-en-vigueur">
        <h2 id="textes-en-vigueur">Textes en vigueur à {territory.name}</h2>
        {result.error && !charters ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : !charters ? (
          <p role="status">Chargement des textes…</p>
        ) : charters.length === 0 ? (
          <p>Aucun texte n’est encore publié : les membres n’ont rien à accepter.</p>
        ) : (
          <ul className="member-list">
            {charters.map((charter) => (
              <li key={charter.id}>
                <h3>{charterKindLabel(charter.kind)}</h3>
                <p>
                  <strong>{charter.title}</strong> — version {charter.version}, publiée le{' '}
                  {frenchDate(charter.publishedAt)}
                </p>
                <details>
                  <summary>Lire le texte</summary>
                  <p className="charter-body">{charter.body}</p>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="publier" className="reading-width">
        <h2 id="publier">Publier une nouvelle version</h2>
        <Notice>
          Dès sa publication, la nouvelle version remplace la précédente et chaque membre du territoire, vous
          compris, doit l’accepter avant de continuer à utiliser Relais dans ce territoire.
        </Notice>
        {general.map((message) => (
          <Notice key={message} tone="error">
            {message}
          </Notice>
        ))}
        <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
          <FormChoiceGroup
            control={control}
            name="kind"
            label="Texte"
            choices={KIND_CHOICES}
            rules={{ required: 'Choisissez le texte à publier.' }}
          />
          <FormTextField
            control={control}
            name="title"
            label="Titre"
            hint="3 à 200 caractères."
            rules={{ required: 'Indiquez le titre.' }}
          />
          <FormTextField
            control={control}
            name="body"
            label="Texte intégral"
            hint="Le texte tel que les membres le liront (20 caractères au moins) ; les retours à la ligne sont conservés."
            multiline
            rules={{ required: 'Écrivez le texte.' }}
          />
          <div className="button-row">
            <Button type="submit" isPending={publishing.fetching}>
              Publier la nouvelle version
            </Button>
          </div>
        </Form>
      </section>
    </>
  );
}

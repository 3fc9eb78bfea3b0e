import { ALL_REMINDER_KINDS, ReminderKind } from '../domain/reminder-kind';
import {
  NotificationMailInput,
  renderDigestMail,
  renderNotification,
  renderNotificationMail,
} from './notification-text';

/** Shaped like a seeded person: what a notice must never give away, whoever it is about. */
const person = {
  caseCode: '7KQ-4MZ',
  firstName: 'Jeanne',
  lastName: 'Dupont',
  birthDate: '1961-04-12',
  address: '12 rue des Lilas, 59000 Lille',
  phone: '06 12 34 56 78',
  healthNotes: 'schizophrénie, traitement par clozapine, hospitalisation au CHS',
};

/** Everything about the person but the case code, in the forms a careless template would print. */
const personalFragments = [
  person.firstName,
  person.lastName,
  `${person.firstName} ${person.lastName}`,
  person.birthDate,
  '12/04/1961',
  '12 avril 1961',
  '1961',
  person.address,
  'rue des Lilas',
  'Lilas',
  '59000',
  'Lille',
  person.phone,
  person.phone.replace(/ /g, ''),
  '+33 6 12',
  person.healthNotes,
  ...person.healthNotes.split(/[ ,]+/).filter((word) => word.length > 3),
  'CHS',
];

/**
 * Words that would tell a reader the notice is about mental health, matched at the start of a word
 * after accents are dropped (`soin` catches « soins » but not « besoin »).
 */
const healthWordStems = [
  'sante',
  'psy',
  'soin',
  'traitement',
  'traite',
  'medic',
  'medecin',
  'hospital',
  'hopital',
  'diagnos',
  'therap',
  'trouble',
  'maladie',
  'malade',
  'patient',
  'mental',
  'handicap',
  'pathologi',
  'symptom',
  'addict',
  'schizo',
  'bipolai',
  'depress',
  'clozapine',
  'ordonnance',
  'urgence',
  'clinique',
  'infirmi',
];
/** Whole words only: « cas » is a word to avoid, « occasion » is not. */
const forbiddenWords = ['cas', 'CMP', 'CHS', 'CLSM', 'EPSM', 'CMPP', 'HDT', 'SDT'];

function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

function expectNothingPersonal(text: string): void {
  const lower = plain(text).toLowerCase();
  for (const fragment of personalFragments) expect(lower).not.toContain(plain(fragment).toLowerCase());
  for (const stem of healthWordStems) expect(lower).not.toMatch(new RegExp(`(^|[^a-z])${stem}`));
  for (const word of forbiddenWords)
    expect(plain(text)).not.toMatch(new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`, 'i'));
}

const link = 'https://relais.example.fr/notifications/5b0c8f2e-8f7e-4f4e-9d59-0a4c1f1b6a3e';

/**
 * The notice writer hands over the case code, a date and a link. Here the whole person record rides
 * along too, as a careless caller might pass it: the renderer must read none of it.
 */
function inputFor(kind: ReminderKind, overrides: Partial<NotificationMailInput> = {}): NotificationMailInput {
  const careless = { ...person, kind, aboutOn: '2027-03-03', link, ...overrides };
  return careless;
}

const FRENCH = /\b(la|le|les|une|un|des|de|du|est|pour)\b/;

describe('notification text', () => {
  describe.each(ALL_REMINDER_KINDS.map((kind) => [kind]))('%s', (kind) => {
    const input = inputFor(kind);

    it('says in French which situation and when, and nothing about the person', () => {
      const { title, body } = renderNotification(input);
      expect(`${title} ${body}`).toContain(person.caseCode);
      expect(title).toContain(`situation ${person.caseCode}`);
      expect(body).toContain('3 mars 2027');
      expect(body).toMatch(FRENCH);
      expect(body).toMatch(/[.]$/);
      expectNothingPersonal(`${title}\n${body}`);
    });

    it('mails the notice without a name, with the link, the confidentiality note and the choice', () => {
      const { title, body } = renderNotification(input);
      const mail = renderNotificationMail(input);
      expect(mail.subject).toBe(`[Relais] ${title}`);
      expect(mail.subject).toContain(person.caseCode);
      expect(mail.text.startsWith('Bonjour,\n')).toBe(true);
      expect(mail.text).toContain(body);
      expect(mail.text).toContain(`\n${link}\n`);
      expect(mail.text).toContain('aucune information personnelle');
      expect(mail.text).toContain('après connexion');
      expect(mail.text).toMatch(/à chaque notification, un résumé quotidien, ou aucun e-mail/);
      expectNothingPersonal(`${mail.subject}\n${mail.text}`);
    });

    it('lists the notice in a digest by its title and link', () => {
      const digest = renderDigestMail([input], '2027-03-04');
      expect(digest.subject).toBe('[Relais] Résumé du 4 mars 2027 — 1 notification');
      expect(digest.text).toContain(`- ${renderNotification(input).title}\n  ${link}\n`);
      expect(digest.text).toContain(person.caseCode);
      expect(digest.text).toContain('aucune information personnelle');
      expectNothingPersonal(`${digest.subject}\n${digest.text}`);
    });

    it('reads well without a case code or a date', () => {
      for (const overrides of [{ caseCode: null }, { aboutOn: null }, { caseCode: null, aboutOn: null }]) {
        const { title, body } = renderNotification(inputFor(kind, overrides));
        expect(`${title} ${body}`).not.toMatch(/null|undefined|NaN|\$\{|\s[,.]|\s{2}|\bde (une|le)\b/);
        expect(body).toMatch(FRENCH);
        expectNothingPersonal(`${title}\n${body}`);
      }
    });
  });

  it('gives every kind its own title, so the switch misses none', () => {
    const titles = ALL_REMINDER_KINDS.map(
      (kind) => renderNotification(inputFor(kind, { caseCode: null })).title,
    );
    expect(new Set(titles).size).toBe(ALL_REMINDER_KINDS.length);
    expect(ALL_REMINDER_KINDS).toHaveLength(17);
  });

  it('names the subject like the brief: « [Relais] Action à échéance — situation ABC-123 »', () => {
    const mail = renderNotificationMail(inputFor(ReminderKind.ACTION_DUE, { caseCode: 'ABC-123' }));
    expect(mail.subject).toBe('[Relais] Action à échéance — situation ABC-123');
  });

  it('names a meeting by its day when no situation is concerned, and nothing else by a day', () => {
    const meeting = renderNotification(inputFor(ReminderKind.AGENDA_PUBLISHED, { caseCode: null }));
    expect(meeting.title).toBe('Ordre du jour publié — séance du 3 mars 2027');
    const action = renderNotification(inputFor(ReminderKind.ACTION_DUE, { caseCode: null }));
    expect(action).toEqual({
      title: 'Action à échéance',
      body: 'Une action prévue pour une situation arrive à échéance le 3 mars 2027.',
    });
  });

  it('counts the repeats', () => {
    const { body } = renderNotification(inputFor(ReminderKind.ACTION_OVERDUE, { occurrence: 3 }));
    expect(body).toMatch(/Ceci est le 3e rappel\.$/);
    expect(renderNotification(inputFor(ReminderKind.ACTION_OVERDUE, { occurrence: 1 })).body).not.toContain(
      'rappel',
    );
  });

  it('refuses anything but a case code where the case code goes, so a name cannot slip in', () => {
    for (const caseCode of ['Jeanne Dupont', 'DUPONT', 'abc-123', '7KQ-4MZ Jeanne'])
      expect(() => renderNotification(inputFor(ReminderKind.ACTION_DUE, { caseCode }))).toThrow(RangeError);
    expect(() => renderNotification(inputFor(ReminderKind.ACTION_DUE, { aboutOn: '12/04/1961' }))).toThrow(
      RangeError,
    );
    expect(() => renderNotification(inputFor(ReminderKind.ACTION_DUE, { link: '/notifications/1' }))).toThrow(
      RangeError,
    );
  });

  it('puts every kind in one digest, counted, each with its link', () => {
    const items = ALL_REMINDER_KINDS.map((kind, index) => inputFor(kind, { link: `${link}?n=${index}` }));
    const digest = renderDigestMail(items, '2027-03-04');
    expect(digest.subject).toBe('[Relais] Résumé du 4 mars 2027 — 17 notifications');
    expect(digest.text.startsWith('Bonjour,\n')).toBe(true);
    for (const item of items) {
      expect(digest.text).toContain(renderNotification(item).title);
      expect(digest.text).toContain(item.link);
    }
    expectNothingPersonal(digest.text);
  });

  it('sends no empty digest', () => {
    expect(() => renderDigestMail([], '2027-03-04')).toThrow(RangeError);
  });
});

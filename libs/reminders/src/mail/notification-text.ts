import { frenchDate, isCalendarDate } from '@relais/config';
import { ReminderKind } from '../domain/reminder-kind';

/**
 * Everything a notice may say. By construction it holds no name, address, birth date, phone or
 * health information: a notice names a situation by its case code and sends the reader to Relais,
 * where access rules decide what they may see.
 */
export interface NotificationTextInput {
  readonly kind: ReminderKind;
  /** The situation's case code (`7KQ-4MZ`), or null for a notice about a meeting only. */
  readonly caseCode: string | null;
  /** The date the notice is about (due date, meeting day, consent expiry…), `YYYY-MM-DD`. */
  readonly aboutOn: string | null;
  /** Where the notice opens in Relais (absolute URL). */
  readonly link: string;
  /** 1 for the first notice, 2… for the repeats. */
  readonly occurrence?: number;
}

/** A mail is addressed to no one by name: the greeting stays « Bonjour, ». */
export type NotificationMailInput = NotificationTextInput & { readonly recipientFirstName?: never };

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

export interface MailText {
  readonly subject: string;
  readonly text: string;
}

// Any three-and-three code passes (fixtures use codes like `ABC-123`); free text such as a name
// does not, so a caller handing the wrong field fails loudly instead of mailing it.
const CASE_CODE_SHAPE = /^[0-9A-Z]{3}-[0-9A-Z]{3}$/;

/** The in-app notice: a title naming the situation (or the meeting) and one or two French sentences. */
export function renderNotification(input: NotificationTextInput): NotificationText {
  const { kind, caseCode, aboutOn, occurrence } = checked(input);
  const date = aboutOn === null ? null : frenchDate(aboutOn);
  const { headline, body, aboutMeeting } = kindText(kind, caseCode, date);
  const about =
    caseCode !== null
      ? ` — situation ${caseCode}`
      : aboutMeeting && date !== null
        ? ` — séance du ${date}`
        : '';
  const repeat = occurrence !== undefined && occurrence > 1 ? ` Ceci est le ${occurrence}e rappel.` : '';
  return { title: `${headline}${about}`, body: `${body}${repeat}` };
}

/** One notice, mailed as soon as it is written. */
export function renderNotificationMail(input: NotificationMailInput): MailText {
  const { title, body } = renderNotification(input);
  return {
    subject: `[Relais] ${title}`,
    text: [
      'Bonjour,',
      '',
      body,
      '',
      'Pour voir le détail, connectez-vous à Relais :',
      input.link,
      '',
      ...FOOTER,
    ].join('\n'),
  };
}

/** The day's notices in one mail, for those who chose the daily digest. */
export function renderDigestMail(items: readonly NotificationMailInput[], day: string): MailText {
  if (items.length === 0) throw new RangeError("Un résumé quotidien sans notification ne s'envoie pas.");
  if (!isCalendarDate(day)) throw new RangeError('Le jour du résumé doit être une date AAAA-MM-JJ.');
  const date = frenchDate(day);
  const count = items.length === 1 ? '1 notification' : `${items.length} notifications`;
  const lines = items.flatMap((item) => [`- ${renderNotification(item).title}`, `  ${item.link}`, '']);
  return {
    subject: `[Relais] Résumé du ${date} — ${count}`,
    text: [
      'Bonjour,',
      '',
      `Voici vos notifications du ${date} (${count}) :`,
      '',
      ...lines,
      'Pour voir le détail, connectez-vous à Relais.',
      '',
      ...FOOTER,
    ].join('\n'),
  };
}

// "-- " is the plain-text signature delimiter: mail clients fold or dim what follows.
const FOOTER = [
  '-- ',
  'Par confidentialité, ce message ne contient aucune information personnelle : les détails sont dans Relais, après connexion.',
  'Vous recevez ce message selon votre choix de notifications par e-mail : à chaque notification, un résumé quotidien, ou aucun e-mail. Vous pouvez changer ce choix dans Relais, dans vos préférences de notification.',
  'Ce message est envoyé automatiquement ; merci de ne pas y répondre.',
];

interface KindText {
  readonly headline: string;
  readonly body: string;
  /** The date is a meeting's day, so a notice without a situation is named after it. */
  readonly aboutMeeting?: true;
}

function kindText(kind: ReminderKind, caseCode: string | null, date: string | null): KindText {
  const situation = caseCode === null ? 'une situation' : `la situation ${caseCode}`;
  const ofSituation = caseCode === null ? "d'une situation" : `de la situation ${caseCode}`;
  const on = (prefix: string, fallback = '') => (date === null ? fallback : `${prefix}${date}`);
  switch (kind) {
    case ReminderKind.ACTION_DUE:
      return {
        headline: 'Action à échéance',
        body: `Une action prévue pour ${situation} arrive à échéance${on(' le ', ' prochainement')}.`,
      };
    case ReminderKind.ACTION_OVERDUE:
      return {
        headline: 'Action en retard',
        body: `Une action prévue pour ${situation} devait être réalisée${on(' pour le ')} et n'est pas encore indiquée comme faite.`,
      };
    case ReminderKind.CALL_FOR_ITEMS:
      return {
        headline: 'Appel à situations',
        aboutMeeting: true,
        body:
          `La prochaine séance de la cellule a lieu${on(' le ', ' bientôt')}. ` +
          'Vous pouvez proposer des situations à inscrire à son ordre du jour.' +
          (caseCode === null ? '' : ` Situation concernée : ${caseCode}.`),
      };
    case ReminderKind.AGENDA_PUBLISHED:
      return {
        headline: 'Ordre du jour publié',
        aboutMeeting: true,
        body:
          `L'ordre du jour de la séance${on(' du ')} est disponible.` +
          (caseCode === null ? '' : ` La situation ${caseCode} y est inscrite.`),
      };
    case ReminderKind.MINUTES_PUBLISHED:
      return {
        headline: 'Compte rendu publié',
        aboutMeeting: true,
        body:
          `Le compte rendu de la séance${on(' du ')} est disponible.` +
          (caseCode === null ? '' : ` Il porte notamment sur la situation ${caseCode}.`),
      };
    case ReminderKind.CONSENT_EXPIRING:
      return {
        headline: 'Accord bientôt échu',
        body:
          `L'accord donné par la personne pour ${situation} arrive à échéance${on(' le ', ' prochainement')}. ` +
          "Pensez à le renouveler avec elle si l'accompagnement se poursuit.",
      };
    case ReminderKind.CONSENT_EXPIRED:
      return {
        headline: 'Accord échu',
        body:
          `L'accord donné par la personne pour ${situation} est arrivé à échéance${on(' le ')}. ` +
          'Un nouvel accord de sa part est nécessaire avant tout nouveau partage.',
      };
    case ReminderKind.FOLLOW_UP_REVIEW_DUE:
      return {
        headline: "Point d'étape de l'accompagnement",
        body: `Un point d'étape de l'accompagnement ${ofSituation} est ${on('prévu le ', 'à faire')}.`,
      };
    case ReminderKind.FOLLOW_UP_OVERRUN:
      return {
        headline: 'Accompagnement au-delà de sa fin prévue',
        body:
          `L'accompagnement ${ofSituation} devait se terminer${on(' le ')} et se poursuit. ` +
          "Indiquez s'il est prolongé ou clos.",
      };
    case ReminderKind.TEAM_VACANCY:
      return {
        headline: "Rôle vacant dans l'équipe",
        body: `Un rôle n'est plus tenu${on(' depuis le ')} dans l'équipe d'accompagnement ${ofSituation}. Indiquez qui le reprend.`,
      };
    case ReminderKind.HANDOFF_UNANSWERED:
      return {
        headline: 'Passage de relais sans réponse',
        body: `Un passage de relais proposé pour ${situation}${on(' le ')} attend toujours une réponse.`,
      };
    case ReminderKind.REFERRAL_NOT_ACKNOWLEDGED:
      return {
        headline: 'Saisine à prendre en compte',
        body: `La saisine de la cellule pour ${situation}${on(', reçue le ')}${date === null ? '' : ','} n'a pas encore été prise en compte.`,
      };
    case ReminderKind.DEROGATION_AWAITING_APPROVAL:
      return {
        headline: 'Dérogation en attente de validation',
        body: `Une demande de dérogation au partage d'informations pour ${situation} attend une validation${on(' depuis le ')}.`,
      };
    case ReminderKind.PERSON_TO_INFORM:
      return {
        headline: 'Personne à informer du partage',
        body:
          `Des informations ${ofSituation} ont été partagées par dérogation${on(' le ')}. ` +
          'La personne doit en être informée ; indiquez-le dans Relais une fois fait.',
      };
    case ReminderKind.PERSON_ANSWER_MISSING:
      return {
        headline: 'Réponse de la personne attendue',
        body: `Les propositions faites à la personne pour ${situation}${on(' le ')} attendent toujours sa réponse.`,
      };
    case ReminderKind.SITUATION_INACTIVE:
      return {
        headline: 'Situation sans activité',
        body: `Rien n'a été noté pour ${situation}${on(' depuis le ', ' depuis longtemps')}. Faites le point sur sa suite.`,
      };
    case ReminderKind.REVIEW_DATE_REACHED:
      return {
        headline: 'Date de réexamen atteinte',
        body: `La date de réexamen ${ofSituation}${on(', le ')}${date === null ? '' : ','} est atteinte : inscrivez-la à une séance ou fixez une nouvelle date.`,
      };
    default: {
      const unreachable: never = kind;
      throw new Error(`Type de notification inconnu : ${String(unreachable)}`);
    }
  }
}

function checked(input: NotificationTextInput): NotificationTextInput {
  if (input.caseCode !== null && !CASE_CODE_SHAPE.test(input.caseCode))
    throw new RangeError('Une notification ne désigne une situation que par son code (ABC-123).');
  if (input.aboutOn !== null && !isCalendarDate(input.aboutOn))
    throw new RangeError("La date d'une notification doit être une date AAAA-MM-JJ.");
  if (!/^https?:\/\/\S+$/.test(input.link))
    throw new RangeError("Le lien d'une notification doit être une adresse web absolue.");
  return input;
}

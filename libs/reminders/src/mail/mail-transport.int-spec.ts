import { Test } from '@nestjs/testing';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { findFreePort, SmtpSink, startSmtpSink, testConfig } from '@relais/testing';
import { ReminderKind } from '../domain/reminder-kind';
import { MailDeliveryError, MailTransport } from './mail-transport';
import { renderNotificationMail } from './notification-text';

const recipient = 'referente.bailleur@example.org';

describe('MailTransport', () => {
  let sink: SmtpSink;
  let config: AppConfig;

  beforeAll(async () => {
    sink = await startSmtpSink();
    config = testConfig({ SMTP_URL: sink.url, MAIL_FROM: 'Relais <ne-pas-repondre@relais.test>' });
  });

  afterAll(async () => {
    await sink.stop();
  });

  it('delivers a rendered notice over SMTP, to its one recipient, from the configured sender', async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [MailTransport, { provide: APP_CONFIG, useValue: config }],
    }).compile();
    const transport = moduleRef.get(MailTransport);
    const mail = renderNotificationMail({
      kind: ReminderKind.ACTION_OVERDUE,
      caseCode: 'ABC-123',
      aboutOn: '2027-03-03',
      link: 'https://relais.example.fr/notifications/42',
      occurrence: 2,
    });

    expect(transport.enabled).toBe(true);
    const before = sink.messages.length;
    await transport.send({ to: recipient, ...mail });
    const received = (await sink.waitFor(before + 1))[before];

    expect(received.to).toEqual([recipient]);
    expect(received.from).toBe('ne-pas-repondre@relais.test');
    expect(received.subject).toBe('[Relais] Action en retard — situation ABC-123');
    expect(received.subject).toBe(mail.subject);
    expect(received.text.trimEnd()).toBe(mail.text.trimEnd());
    expect(received.text).toContain('https://relais.example.fr/notifications/42');
    await moduleRef.close();
  });

  it('is disabled without SMTP_URL, and then refuses to send', async () => {
    const transport = new MailTransport(testConfig({ SMTP_URL: undefined }));
    expect(transport.enabled).toBe(false);
    await expect(transport.send({ to: recipient, subject: 'x', text: 'x' })).rejects.toMatchObject({
      code: 'ECONFIG',
      permanent: true,
    });
    transport.onApplicationShutdown();
  });

  it('sends to one recipient only, so that none learns who else is told', async () => {
    const transport = new MailTransport(config);
    const before = sink.messages.length;
    const error = await transport
      .send({ to: `${recipient}, autre.partenaire@example.org`, subject: 'x', text: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ code: 'EMAXRECIPIENTS', permanent: true });
    expect(sink.messages).toHaveLength(before);
    transport.onApplicationShutdown();
  });

  it('reports a failure without the address, the content or the server', async () => {
    const closedPort = await findFreePort();
    const transport = new MailTransport(testConfig({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` }));
    const error = await transport
      .send({ to: recipient, subject: 'Situation ABC-123', text: 'Bonjour' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ permanent: false, responseCode: undefined });
    const logged = JSON.stringify({ ...(error as object), message: (error as Error).message });
    for (const secret of [recipient, 'ABC-123', 'Bonjour', '127.0.0.1', String(closedPort)])
      expect(logged).not.toContain(secret);
    expect((error as Error).cause).toBeUndefined();
    transport.onApplicationShutdown();
  });
});

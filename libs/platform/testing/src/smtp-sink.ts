import { AddressInfo } from 'node:net';

export interface ReceivedMail {
  /** The envelope's sender (MAIL FROM), empty for the null sender. */
  readonly from: string;
  /** The envelope's recipients (RCPT TO): who the mail really went to, Bcc included. */
  readonly to: readonly string[];
  readonly subject: string;
  /** The plain-text part, as the recipient's client would show it. */
  readonly text: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  readonly url: string;
  /** Every mail received so far, in order of arrival. */
  readonly messages: ReceivedMail[];
  /** The codes of connections a sender broke off in the middle of a mail (its process killed). */
  readonly droppedConnections: string[];
  /** Resolves once `count` mails have arrived (all of them, not only the new ones). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on the loopback, without authentication or TLS, that keeps what it receives:
 * tests send through the same nodemailer path as production and read back what a mailbox would get.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  // Loaded here rather than with @relais/testing: every test file imports it, few receive mail.
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
  const messages: ReceivedMail[] = [];
  const droppedConnections: string[] = [];
  const waiters = new Set<() => boolean>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Tests stop the sink right after their last mail: do not hold the run for idle connections.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const { mailFrom, rcptTo } = session.envelope;
          messages.push({
            from: mailFrom ? mailFrom.address : '',
            to: rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          for (const wake of [...waiters]) wake();
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  // A sender killed mid-mail (a worker stopped by a test) resets its connection; smtp-server then
  // emits the error on the server, which without a listener would end the test process.
  server.on('error', (error: NodeJS.ErrnoException) => droppedConnections.push(error.code ?? error.message));

  // Port 0: the system picks a free port at bind time, so parallel Jest workers cannot collide.
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });

  function waitFor(count: number, timeoutMs = 5_000): Promise<ReceivedMail[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (messages.length < count) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve([...messages]);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`Le serveur SMTP de test a reçu ${messages.length} message(s) sur ${count} attendu(s).`),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    droppedConnections,
    waitFor,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { connect, Socket } from 'node:net';
import { startSmtpSink, SmtpSink } from './smtp-sink';

/** Reads from the socket until the server's reply to the last command (a line `NNN ` ends it). */
function reply(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString();
      if (/^\d{3} .*\r\n$/m.test(received.split('\r\n').slice(-2).join('\r\n'))) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
  });
}

async function say(socket: Socket, line: string): Promise<string> {
  const answer = reply(socket);
  socket.write(`${line}\r\n`);
  return answer;
}

/** A sender that starts a mail and dies in the middle of its body: its connection is reset. */
async function cutMidMail(sink: SmtpSink): Promise<void> {
  const { hostname, port } = new URL(sink.url);
  const socket = connect(Number(port), hostname);
  await reply(socket);
  await say(socket, 'EHLO worker');
  await say(socket, 'MAIL FROM:<relais@example.org>');
  await say(socket, 'RCPT TO:<coordination@example.org>');
  await say(socket, 'DATA');
  socket.write('Subject: Rappel\r\n\r\nUne action arrive à échéance');
  await new Promise((done) => setTimeout(done, 50));
  socket.resetAndDestroy();
}

describe('the test SMTP server', () => {
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(() => sink.stop());

  // A worker killed while sending (a rolling restart, a test's end) resets its connection: the
  // sink notes it; unheard, the error failed the whole suite (« read ECONNRESET », no stack).
  it('outlives a sender whose connection is reset in the middle of a mail, and keeps nothing of it', async () => {
    await cutMidMail(sink);
    await new Promise((done) => setTimeout(done, 100));
    expect(sink.messages).toEqual([]);
    expect(sink.droppedConnections).toEqual(['ECONNRESET']);
  });
});

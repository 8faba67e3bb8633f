import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Message } from '../../src/server/platform/notifier';

/**
 * Real message channels on loopback for a test app: an SMTP server (smtp-server) that keeps the
 * mails it receives and an HTTP SMS/WhatsApp gateway (node:http) that keeps the JSON posted to
 * it. Pass `config` to createTestApp({ config }).
 */
export async function notifyChannels() {
  const mails: { to: string[]; data: string }[] = [];
  const posts: Message[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const gateway: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  return {
    mails,
    posts,
    config: {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      smtpFrom: 'Loket MPP <no-reply@mpp.test>',
      notifyWebhookUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    },
  };
}

/** The text of a received mail: quoted-printable soft breaks and escapes undone. */
export const mailText = (data: string) =>
  data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

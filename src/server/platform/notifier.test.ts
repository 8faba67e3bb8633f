import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleNotifier, notifierFromConfig, type Message } from './notifier';

/** Real channels on loopback: an SMTP server (smtp-server) and an HTTP gateway (node:http). */
describe('notifier channels', () => {
  const mails: { from: string; to: string[]; data: string }[] = [];
  const posts: Message[] = [];
  let smtp: SMTPServer;
  let gateway: Server;
  let smtpUrl: string;
  let webhookUrl: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posts.push(JSON.parse(body));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  });

  const message = (to: Message['to']): Message => ({
    to,
    kind: 'booking.confirmed',
    subject: 'Booking MPP dikonfirmasi',
    text: 'Kode booking: K7M2QX9A',
    data: { code: 'K7M2QX9A' },
  });
  const log = { info: () => {} };

  it('sends email through SMTP and phone messages to the webhook', async () => {
    const n = notifierFromConfig({ smtpUrl, smtpFrom: 'Loket MPP <no-reply@mpp.test>', notifyWebhookUrl: webhookUrl, notifyWebhookToken: undefined }, log);
    expect(n.name).toBe('smtp+webhook');
    await n.send(message({ email: 'warga@example.test', phone: '081234567890' }));
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe('no-reply@mpp.test');
    expect(mails[0].to).toEqual(['warga@example.test']);
    expect(mails[0].data).toContain('Subject: Booking MPP dikonfirmasi');
    expect(mails[0].data).toContain('Kode booking: K7M2QX9A');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ kind: 'booking.confirmed', to: { phone: '081234567890' } });

    // Email only: SMTP carries it, the SMS gateway is not bothered.
    await n.send(message({ email: 'lain@example.test' }));
    expect(mails).toHaveLength(2);
    expect(posts).toHaveLength(1);
  });

  it('gives the webhook every message when there is no SMTP', async () => {
    const before = posts.length;
    const n = notifierFromConfig({ smtpUrl: undefined, smtpFrom: 'x <x@x>', notifyWebhookUrl: webhookUrl, notifyWebhookToken: 't' }, log);
    await n.send(message({ email: 'warga@example.test' }));
    expect(posts.length).toBe(before + 1);
  });

  it('fails the send when the SMTP server is unreachable, so the job retries', async () => {
    const n = notifierFromConfig({ smtpUrl: 'smtp://127.0.0.1:9', smtpFrom: 'x <x@x>', notifyWebhookUrl: undefined, notifyWebhookToken: undefined }, log);
    await expect(n.send(message({ email: 'warga@example.test' }))).rejects.toThrow();
  });

  it('logs to the console without the full phone number', async () => {
    const lines: unknown[] = [];
    await consoleNotifier({ info: (obj: unknown) => void lines.push(obj) } as never).send(message({ phone: '081234567890' }));
    expect(JSON.stringify(lines)).not.toContain('081234567890');
    expect(JSON.stringify(lines)).toContain('0812');
  });
});

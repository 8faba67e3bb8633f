import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import { maskPhone } from '../../domain/nik';
import type { Config } from '../config';

/**
 * How Loket reaches a citizen: a message to an email address and/or a phone number. Channels:
 * - smtp (LOKET_SMTP_URL): messages with an email address, as plain-text email;
 * - webhook (LOKET_NOTIFY_WEBHOOK_URL): POSTed as JSON to an SMS/WhatsApp gateway; it gets the
 *   messages with a phone number, and every message when there is no SMTP;
 * - console (neither configured, i.e. development): written to the log with the phone masked.
 * A message goes through every channel that applies; if one fails the job is retried as a whole
 * (a gateway may then see it twice: messages carry `kind` and `data.code` to recognise that).
 */
export interface Message {
  to: { email?: string | null; phone?: string | null };
  subject: string;
  text: string;
  /** Machine-readable kind for gateways with templates: booking.confirmed, booking.reminder ... */
  kind: string;
  data?: Record<string, unknown>;
}

export interface Notifier {
  readonly name: string;
  send(message: Message): Promise<void>;
}

export function consoleNotifier(log: Pick<FastifyBaseLogger, 'info'>): Notifier {
  return {
    name: 'console',
    async send(m) {
      const to = { email: m.to.email ?? undefined, phone: m.to.phone ? maskPhone(m.to.phone) : undefined };
      log.info({ notify: { kind: m.kind, to, subject: m.subject } }, `[notify] ${m.subject}\n${m.text}`);
    },
  };
}

export function webhookNotifier(url: string, token?: string): Notifier {
  return {
    name: 'webhook',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`notify webhook answered ${res.status}`);
    },
  };
}

/** Plain-text email through an SMTP relay (nodemailer); messages without an email are skipped. */
export function smtpNotifier(url: string, from: string): Notifier {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(m) {
      if (!m.to.email) return;
      await transport.sendMail({ from, to: m.to.email, subject: m.subject, text: m.text, headers: { 'X-Loket-Kind': m.kind } });
    },
  };
}

/** The channels configured for this process (see the top of this file). */
export function notifierFromConfig(config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'notifyWebhookUrl' | 'notifyWebhookToken'>, log: Pick<FastifyBaseLogger, 'info'>): Notifier {
  const smtp = config.smtpUrl ? smtpNotifier(config.smtpUrl, config.smtpFrom) : null;
  const webhook = config.notifyWebhookUrl ? webhookNotifier(config.notifyWebhookUrl, config.notifyWebhookToken) : null;
  if (!smtp && !webhook) return consoleNotifier(log);
  return {
    name: [smtp?.name, webhook?.name].filter(Boolean).join('+'),
    async send(m) {
      if (smtp && m.to.email) await smtp.send(m);
      if (webhook && (m.to.phone || !smtp)) await webhook.send(m);
    },
  };
}

/** Collects messages in memory (tests). */
export function memoryNotifier(): Notifier & { sent: Message[] } {
  const sent: Message[] = [];
  return { name: 'memory', sent, async send(m) { sent.push(m); } };
}

import type { FastifyBaseLogger } from 'fastify';

/**
 * How Loket reaches a citizen: a message to an email address or a phone number. Pluggable:
 * - console (development): written to the log, so a developer sees codes and reminders;
 * - webhook: POSTed as JSON to an SMS/WhatsApp gateway (LOKET_NOTIFY_WEBHOOK_URL);
 * - smtp is planned behind the same interface.
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
      log.info({ notify: { kind: m.kind, to: m.to, subject: m.subject } }, `[notify] ${m.subject}\n${m.text}`);
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

/** Collects messages in memory (tests). */
export function memoryNotifier(): Notifier & { sent: Message[] } {
  const sent: Message[] = [];
  return { name: 'memory', sent, async send(m) { sent.push(m); } };
}

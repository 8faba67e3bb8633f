/**
 * For the tests of citizens' accounts: a real SMS/WhatsApp gateway on loopback (the notifier's
 * webhook channel) that keeps the messages, a site with BPJS Kesehatan and Disdukcapil, document
 * types and a service that requires them, and sign-in through the real code flow.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uuidv7 } from 'uuidv7';
import { citizenSession, loginAccepted } from '../../src/contracts/citizens';
import { agencies, documentTypes, services } from '../../src/server/modules/catalog/catalog.schema';
import type { Message } from '../../src/server/platform/notifier';
import { bearer, createTestApp, type TestApp, type TestAppOptions } from './app';
import { ok } from './contract';
import { minimalPdf, multipart } from './multipart';
import { createSiteFixture } from './site-fixture';

export interface Gateway {
  url: string;
  messages: Message[];
  /** The last code sent to a contact (as the notifier addressed it). */
  codeFor(to: string): string;
  close(): Promise<void>;
}

export async function startGateway(): Promise<Gateway> {
  const messages: Message[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      messages.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    messages,
    codeFor(to) {
      const m = [...messages].reverse().find((x) => x.kind === 'citizen.login_code' && (x.to.email === to || x.to.phone === to));
      if (!m) throw new Error(`no code sent to ${to}`);
      return String(m.data?.code);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A test app whose notifier posts to a loopback gateway (no SMTP: every message goes there). */
export async function citizensApp(opts: TestAppOptions = {}): Promise<{ t: TestApp; gw: Gateway }> {
  const gw = await startGateway();
  const t = await createTestApp({ ...opts, config: { notifyWebhookUrl: gw.url, ...opts.config } });
  return { t, gw };
}

/** Adds BPJS Kesehatan, the document types KK, KTP-el and pas foto, and a BPJS service requiring them. */
export async function createCitizensFixture(t: TestApp) {
  const site = await createSiteFixture(t);
  const now = t.clock.now();
  const bpjs = uuidv7();
  await t.ctx.db.insert(agencies).values({ id: bpjs, siteId: site.siteId, kind: 'bumn', name: 'BPJS Kesehatan', shortName: 'BPJS Kesehatan', hours: {}, createdAt: now, updatedAt: now });
  const types = { kk: uuidv7(), ktp: uuidv7(), foto: uuidv7(), old: uuidv7() };
  await t.ctx.db.insert(documentTypes).values([
    { id: types.kk, key: 'kk', name: 'Kartu Keluarga' },
    { id: types.ktp, key: 'ktp_el', name: 'KTP-el' },
    { id: types.foto, key: 'pas_foto', name: 'Pas Foto' },
    { id: types.old, key: 'kartu_kuning', name: 'Kartu Kuning (lama)', active: false },
  ]);
  const daftar = uuidv7();
  await t.ctx.db.insert(services).values({
    id: daftar, siteId: site.siteId, agencyId: bpjs, code: 'JKN', prefix: 'J', name: 'Pendaftaran peserta JKN',
    requirements: [{ documentTypeKey: 'kk' }, { documentTypeKey: 'ktp_el' }, { documentTypeKey: 'pas_foto', note: '3x4' }], createdAt: now, updatedAt: now,
  });
  const officer = (agencyId: string, role: 'officer' | 'agency_admin' | 'site_admin' | 'platform_admin' | 'auditor' = 'officer') =>
    t.userToken({ memberships: [{ role, siteId: role === 'platform_admin' ? null : site.siteId, agencyId: role === 'site_admin' || role === 'platform_admin' || role === 'auditor' ? null : agencyId }] });
  return { ...site, bpjs, dukcapil: site.agencyB, imigrasi: site.agencyA, types, services: { ...site.services, daftar }, officer };
}
export type CitizensFixture = Awaited<ReturnType<typeof createCitizensFixture>>;

let addresses = 0;
/** Signs in through the real flow: code requested, read from the gateway, verified (each from an address of its own: the per-address throttle). */
export async function signIn(t: TestApp, gw: Gateway, contact: string, to = contact) {
  const remoteAddress = `127.0.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;
  ok(await t.app.inject({ method: 'POST', url: '/api/v1/citizen/login', payload: { contact }, remoteAddress }), loginAccepted, 202);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/verify', payload: { contact, code: gw.codeFor(to) }, remoteAddress });
  const session = ok(res, citizenSession);
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  // The code throttle is per contact: a test that signs the same contact in again moves on 31 s.
  t.clock.advance(31_000);
  return { ...session, cookies: { cookie: `loket_citizen=${jar.loket_citizen}; loket_citizen_csrf=${jar.loket_citizen_csrf}`, csrf: jar.loket_citizen_csrf } };
}

/** POST /me/documents with the type as a form field before the file. */
export function uploadDocument(t: TestApp, token: string, documentTypeId: string | null, content: Buffer, filename = 'kk.pdf', type = 'application/pdf') {
  const body = multipart([...(documentTypeId !== null ? [{ name: 'documentTypeId', content: documentTypeId }] : []), { name: 'file', filename, type, content }]);
  return t.app.inject({ method: 'POST', url: '/api/v1/me/documents', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
}

/** A small valid PDF whose text is `text`. */
export const pdf = minimalPdf;

/** A PDF of about `bytes` bytes (a comment pads it), for size limits and streaming. */
export function bigPdf(bytes: number, text = 'Kartu Keluarga'): Buffer {
  const base = pdf(text);
  const pad = Math.max(0, bytes - base.length);
  return Buffer.concat([base.subarray(0, 9), Buffer.from(`%${'x'.repeat(Math.max(0, pad - 2))}\n`, 'latin1'), base.subarray(9)]);
}

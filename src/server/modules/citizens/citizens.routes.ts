/**
 * The citizen's own routes (DESIGN §7 "Citizens"): sign-in by code, /me and its wallet, readiness,
 * consents and the access log. Every /me route takes a citizen session only (citizen.caller);
 * a staff token or cookie is a 401 here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../../contracts/citizens';
import type { AppContext } from '../../platform/context';
import { secureCookies } from '../../platform/https';
import { fileResponse, noContent, SECURITY } from '../../platform/openapi';
import { acceptUploads, contentDisposition, openUpload, refuseDeclaredOversize, uploadBody, uploadValidator } from '../files/files.lookup';
import { accessLog } from './access-log.service';
import { CITIZEN_COOKIE, CITIZEN_CSRF_COOKIE, requireCitizen } from './citizen.caller';
import { createConsent, listConsents, revokeConsent } from './consent.service';
import { deleteAccount, getHistory, getMe, patchMe } from './profile.service';
import { endSession, listSessions, requestCode, signOut, verifyCode } from './signin.service';
import { deleteDocument, DOCUMENT_MAX_BYTES, listDocuments, ownDocumentContent, readinessFor, uploadDocument } from './wallet.service';

const tags = ['citizens'];
const security = SECURITY.citizen;
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

function setCookies(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, s: { token: string; csrfToken: string; maxAgeSeconds: number }) {
  const common = { path: '/', sameSite: 'lax' as const, secure: secureCookies(ctx.config, req), maxAge: s.maxAgeSeconds };
  reply.setCookie(CITIZEN_COOKIE, s.token, { ...common, httpOnly: true });
  reply.setCookie(CITIZEN_CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

export const citizensRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const me = (req: FastifyRequest) => requireCitizen(ctx, req);

  app.post('/citizen/login', { schema: { tags, summary: 'Send a one-time sign-in code to an email or Indonesian mobile number (202); 429 with Retry-After within 30 s or past 5 codes an hour', security: SECURITY.none, problems: [429, 503], body: c.loginBody, response: { 202: c.loginAccepted } } }, async (req, reply) =>
    reply.status(202).send(await requestCode(ctx, req.ip ?? null, req.body)),
  );
  app.post('/citizen/verify', { schema: { tags, summary: 'Trade the code for a citizen session (token and cookies); 401 for a wrong or expired code (a code dies after 5 wrong tries)', security: SECURITY.none, problems: [429], body: c.verifyBody, response: { 200: c.citizenSession } } }, async (req, reply) => {
    const s = await verifyCode(ctx, req.ip ?? null, req.body, req.headers['user-agent'] ?? null);
    setCookies(ctx, req, reply, s);
    return { token: s.token, citizen: s.citizen };
  });
  app.post('/citizen/logout', { schema: { tags, summary: 'End the citizen session and clear its cookies', security, response: { 204: noContent } } }, async (req, reply) => {
    await signOut(ctx, (await me(req)).sessionId);
    reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
    reply.clearCookie(CITIZEN_CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/me/sessions', { schema: { tags, summary: 'Where the account is signed in: live sessions, newest first, this one marked current', security, response: { 200: z.array(c.citizenSessionView) } } }, async (req) => listSessions(ctx, await me(req)));
  app.delete('/me/sessions/:id', { schema: { tags, summary: 'Sign one session out (e.g. a lost phone); 404 for a session that is not live or not the citizen\'s', security, params: c.sessionParams, response: { 204: noContent } } }, async (req, reply) => {
    await endSession(ctx, await me(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/me', { schema: { tags, summary: 'The signed-in citizen: name, contact, masked NIK and whether an officer verified it', security, response: { 200: c.citizenSelf } } }, async (req) => getMe(ctx, await me(req)));
  app.patch('/me', { schema: { tags, summary: 'Change the name or declare a NIK (validated; "declared" until an officer checks the KTP)', security, body: c.patchMeBody, response: { 200: c.citizenSelf } } }, async (req) => patchMe(ctx, await me(req), req.body));
  app.delete('/me', { schema: { tags, summary: 'Delete the account: signed out everywhere, consents revoked; documents purged after the retention period', security, response: { 204: noContent } } }, async (req, reply) => {
    await deleteAccount(ctx, await me(req));
    reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
    reply.clearCookie(CITIZEN_CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
  app.get('/me/history', { schema: { tags, summary: 'Riwayat: bookings (and later applications) made while signed in, newest first', security, response: { 200: z.array(c.historyItem) } } }, async (req) => getHistory(ctx, await me(req)));

  app.get('/me/documents', { schema: { tags, summary: 'The document wallet', security, response: { 200: z.array(c.citizenDocument) } } }, async (req) => listDocuments(ctx, await me(req)));
  app.get('/me/documents/:id/content', { schema: { tags, summary: "The citizen's own copy of a document (not logged as an access)", security, params: c.documentParams, produces: FILE_TYPES, response: { 200: fileResponse('The document as stored', FILE_TYPES) } } }, async (req, reply) => {
    const { meta, stream } = await ownDocumentContent(ctx, await me(req), req.params.id);
    return reply.type(meta.mediaType).header('content-disposition', contentDisposition(meta.filename)).header('content-length', meta.sizeBytes).header('cache-control', 'private, no-store').send(stream as never);
  });
  app.delete('/me/documents/:id', { schema: { tags, summary: 'Delete a document and its bytes; 409 while an open application uses it', security, params: c.documentParams, response: { 204: noContent } } }, async (req, reply) => {
    await deleteDocument(ctx, await me(req), req.params.id);
    return reply.status(204).send(null);
  });

  // Uploads: multipart parsed in this plugin only.
  await app.register(async (plugin) => {
    await acceptUploads(plugin, DOCUMENT_MAX_BYTES);
    const up = plugin.withTypeProvider<ZodTypeProvider>();
    up.post(
      '/me/documents',
      {
        schema: {
          tags,
          summary: 'Upload a requirement document by document type (PDF, JPEG or PNG, at most 10 MiB, checked from the content, streamed and encrypted)',
          description: 'multipart/form-data: `documentTypeId` (a field before the file, or the query parameter) and `file`. 400 naming `body.documentTypeId` for an unknown type; 413 file.too_large and 415 file.type_not_allowed name `file`; nothing is stored then.',
          security,
          problems: [413, 415],
          consumes: ['multipart/form-data'],
          querystring: c.uploadQuery,
          body: uploadBody('PDF, JPEG or PNG'),
          response: { 201: c.citizenDocument },
        },
        validatorCompiler: uploadValidator,
        onRequest: refuseDeclaredOversize(DOCUMENT_MAX_BYTES),
      },
      async (req, reply) => {
        const caller = await me(req);
        const upload = await openUpload(req, DOCUMENT_MAX_BYTES);
        return reply.status(201).send(await uploadDocument(ctx, caller, upload, req.query.documentTypeId ?? upload.fields.documentTypeId));
      },
    );
  });

  app.get('/me/readiness', { schema: { tags, summary: "Which of a service's requirements the wallet holds (verified / uploaded / missing)", security, querystring: c.readinessQuery, response: { 200: c.readiness } } }, async (req) =>
    readinessFor(ctx, (await me(req)).citizenId, req.query.serviceId),
  );

  app.post('/me/consents', { schema: { tags, summary: 'Share chosen documents with one agency for a purpose and a period (default 7 days, at most 30): a share code and its QR', security, body: c.consentBody, response: { 201: c.consentCreated } } }, async (req, reply) =>
    reply.status(201).send(await createConsent(ctx, await me(req), req.body)),
  );
  app.get('/me/consents', { schema: { tags, summary: 'The consents given, newest first, with their codes while live', security, response: { 200: z.array(c.consentView) } } }, async (req) => listConsents(ctx, await me(req)));
  app.delete('/me/consents/:id', { schema: { tags, summary: 'Revoke a consent at once, in every process', security, params: c.consentParams, response: { 204: noContent } } }, async (req, reply) => {
    await revokeConsent(ctx, await me(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/me/access-log', { schema: { tags, summary: "Every read of the citizen's data by anyone else, newest first (cursor: before)", security, querystring: c.accessLogQuery, response: { 200: z.array(c.accessLogEntry) } } }, async (req) =>
    accessLog(ctx, await me(req), req.query),
  );
};

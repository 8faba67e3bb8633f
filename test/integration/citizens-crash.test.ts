/**
 * kill -9 during a document upload (issue #12): a real `loket serve` process receives a slow,
 * streamed 6 MiB upload; it is killed mid-upload. Afterwards there is no document, no stored
 * file, no piece of one, and no spool file left anywhere: the spool was unlinked when it was
 * opened, so only the dead process's descriptor ever reached it.
 */
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { openDatabase, rows } from '../../src/server/platform/db';
import { bigPdf, startGateway } from '../support/citizens';
import { json, startServerProcess, tempDataDir } from '../support/process';

/** Sends the multipart head and the first `sendBytes` of the file, then holds the connection open. */
function partialUpload(url: string, token: string, documentTypeId: string, content: Buffer, sendBytes: number) {
  const boundary = `----loketCrash${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="documentTypeId"\r\n\r\n${documentTypeId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kk.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } });
  req.on('error', () => {});
  req.write(head);
  for (let i = 0; i < sendBytes; i += 64 * 1024) req.write(content.subarray(i, Math.min(sendBytes, i + 64 * 1024)));
  return req;
}

const spoolsOf = (pid: number) =>
  readdirSync(`/proc/${pid}/fd`)
    .map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((l) => l.endsWith('(deleted)') && l.startsWith(os.tmpdir()));

describe.skipIf(!!process.env.TEST_DATABASE_URL || process.platform !== 'linux')('kill -9 during an upload', () => {
  it('leaves no half-stored document and no orphan bytes', async () => {
    const dataDir = tempDataDir();
    const gw = await startGateway();
    const server = await startServerProcess({ LOKET_DATA_DIR: dataDir, LOKET_NOTIFY_WEBHOOK_URL: gw.url });
    let spools: string[] = [];
    try {
      const setup = await json(`${server.url}/api/v1/setup`, { method: 'POST', body: { username: 'root', displayName: 'Root', password: 'correct-horse-battery' } });
      expect(setup.status).toBe(201);
      const type = await json(`${server.url}/api/v1/catalog/document-types`, { method: 'POST', headers: { authorization: `Bearer ${setup.body.token}` }, body: { key: 'kk', name: 'Kartu Keluarga' } });
      expect(type.status, JSON.stringify(type.body)).toBe(201);
      const kk = type.body.id as string;
      expect((await json(`${server.url}/api/v1/citizen/login`, { method: 'POST', body: { contact: 'crash@contoh.id' } })).status).toBe(202);
      const verified = await json(`${server.url}/api/v1/citizen/verify`, { method: 'POST', body: { contact: 'crash@contoh.id', code: gw.codeFor('crash@contoh.id') } });
      expect(verified.status).toBe(200);
      const token = verified.body.token as string;

      const file = bigPdf(6 * 1024 * 1024);
      const req = partialUpload(`${server.url}/api/v1/me/documents`, token, kk, file, 3 * 1024 * 1024);
      // Wait until the server is spooling: its descriptor points to a file that no longer has a name.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !(spools = spoolsOf(server.child.pid!)).length) await new Promise((r) => setTimeout(r, 50));
      expect(spools.length).toBe(1);
      expect(spools[0]).toMatch(/\(deleted\)$/);
      expect(existsSync(spools[0].replace(/ \(deleted\)$/, ''))).toBe(false);

      server.child.kill('SIGKILL');
      await server.stop();
      req.destroy();
    } finally {
      await server.stop('SIGKILL');
      await gw.close();
    }
    // The spool had no name while it was written, and has none now: its bytes died with the process.
    expect(existsSync(spools[0].replace(/ \(deleted\)$/, ''))).toBe(false);
    expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith('loket-spool-'))).toEqual([]);
    const database = await openDatabase({ dataDir });
    try {
      const [d] = await rows<{ docs: number; files: number; chunks: number }>(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM citizen_documents) AS docs,
                   (SELECT count(*)::int FROM stored_files WHERE purpose = 'citizen.document') AS files,
                   (SELECT count(*)::int FROM stored_file_chunks) AS chunks`,
      );
      expect(d).toEqual({ docs: 0, files: 0, chunks: 0 });
    } finally {
      await database.close();
    }
  }, 240_000);
});

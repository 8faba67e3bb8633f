import { describe, expect, it } from 'vitest';
import { json, PROCESS_TEST_TIMEOUT, startServerProcess, tempDataDir } from '../support/process';

/**
 * kill -9 while tickets are being issued (PGlite, the embedded default): every ticket the server
 * acknowledged is still there after a restart, and numbering goes on without repeating a number.
 */
describe.skipIf(!!process.env.TEST_DATABASE_URL)('queue crash safety on PGlite', () => {
  it('keeps acknowledged tickets and never repeats a number after kill -9', async () => {
    const dataDir = tempDataDir();
    const env = { LOKET_DATA_DIR: dataDir, LOKET_DEMO: '1', LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00', LOKET_JOBS: '0' };
    const server = await startServerProcess(env);
    const login = async (url: string) => (await json(`${url}/api/v1/auth/login`, { method: 'POST', body: { username: 'admin', password: 'loket-demo' } })).body.token as string;
    const token = await login(server.url);
    const site = (await json(`${server.url}/api/v1/sites`)).body.find((s: { slug: string }) => s.slug === 'mpp-samarinda');
    // KTP-el has the largest daily walk-in quota of the demo, so the quota never interferes.
    const services = (await json(`${server.url}/api/v1/sites/${site.id}/services?q=ktp`)).body as Array<{ id: string; name: string }>;
    const serviceId = services.find((s) => /KTP-el/.test(s.name))!.id;

    const acknowledged: Array<{ id: string; number: string }> = [];
    let stop = false;
    const issuer = async () => {
      while (!stop && acknowledged.length < 60) {
        try {
          const res = await json(`${server.url}/api/v1/sites/${site.id}/tickets`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: { serviceId } });
          if (res.status === 201) acknowledged.push({ id: res.body.id, number: res.body.number });
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const issuers = [issuer(), issuer(), issuer()];
    // Kill while the issuers are still busy (well before their cap of 60).
    for (let i = 0; i < 100 && acknowledged.length < 20; i++) await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(issuers);
    await server.stop();
    expect(acknowledged.length).toBeGreaterThan(3);

    const again = await startServerProcess(env);
    const token2 = await login(again.url);
    for (const t of acknowledged) {
      const res = await json(`${again.url}/api/v1/tickets/${t.id}`, { headers: { authorization: `Bearer ${token2}` } });
      expect(res.status, `ticket ${t.number} lost`).toBe(200);
    }
    const next = await json(`${again.url}/api/v1/sites/${site.id}/tickets`, { method: 'POST', headers: { authorization: `Bearer ${token2}` }, body: { serviceId } });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const seq = (n: string) => Number(n.split('-').pop());
    expect(seq(next.body.number)).toBeGreaterThan(Math.max(...acknowledged.map((t) => seq(t.number))));
    expect(acknowledged.map((t) => t.number)).not.toContain(next.body.number);
    expect(await again.stop()).toBe(0);
  }, PROCESS_TEST_TIMEOUT);
});

import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

/**
 * The loopback SMS/WhatsApp gateway of the e2e server (test/e2e/serve.mjs): what the server's
 * notifier posted to it, read back over HTTP.
 */
interface SentMessage {
  to: { email?: string | null; phone?: string | null };
  kind: string;
  text: string;
  data?: Record<string, unknown>;
}

const port = Number(process.env.E2E_PORT ?? 3917);
const sinkUrl = (): string => (JSON.parse(readFileSync(path.join(os.tmpdir(), `loket-e2e-sink-${port}.json`), 'utf8')) as { url: string }).url;

export async function sentMessages(): Promise<SentMessage[]> {
  const res = await fetch(`${sinkUrl()}/messages`);
  return (await res.json()) as SentMessage[];
}

/** The newest sign-in code sent to `to` (as the notifier addressed it), waiting for it to arrive. */
export async function loginCodeFor(to: string, after = 0): Promise<string> {
  let code = '';
  await expect
    .poll(async () => {
      const m = (await sentMessages()).filter((x) => x.kind === 'citizen.login_code' && (x.to.email === to || x.to.phone === to));
      code = m.length > after ? String(m[m.length - 1].data?.code ?? '') : '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

/** How many sign-in codes `to` was sent so far (to wait for the next one). */
export async function codesSentTo(to: string): Promise<number> {
  return (await sentMessages()).filter((x) => x.kind === 'citizen.login_code' && (x.to.email === to || x.to.phone === to)).length;
}

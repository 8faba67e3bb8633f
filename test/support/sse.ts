/** A tiny Server-Sent Events client over fetch, for tests: collects frames as they arrive. */
export interface SseFrame {
  id: string | null;
  event: string;
  data: any;
}

export interface SseClient {
  frames: SseFrame[];
  status: number;
  /** Resolves with the first frame (after `from`) matching, or rejects after `timeoutMs`. */
  waitFor(match: (f: SseFrame) => boolean, opts?: { from?: number; timeoutMs?: number }): Promise<SseFrame>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: ctrl.signal });
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  if (res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true });
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let id: string | null = null;
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (!data.length) continue; // comments, retry
            frames.push({ id, event, data: JSON.parse(data.join('\n')) });
            for (const w of [...waiters]) w();
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    frames,
    status: res.status,
    waitFor(match, opts = {}) {
      const from = opts.from ?? 0;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.slice(from).find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching SSE frame; got ${JSON.stringify(frames.map((f) => `${f.id}:${f.event}`))}`));
        }, opts.timeoutMs ?? 5000);
        waiters.add(check);
        check();
      });
    },
    close: () => ctrl.abort(),
  };
}

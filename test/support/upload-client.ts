import { request } from 'node:http';

/**
 * PUTs a multipart upload the way a browser streams a file: the part headers, then the file in
 * blocks of `blockSize` bytes read from disk, each written (and so received) on its own, then the
 * closing boundary. Block edges then fall on the file's own offsets (a 1 MiB limit is one).
 */
export async function streamUpload(url: string, headers: Record<string, string>, file: { name: string; type: string; content: Buffer }, blockSize = 64 * 1024): Promise<{ status: number; body: string }> {
  const boundary = `----loketStream${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + file.content.length + tail.length;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    const pause = () => new Promise((r) => setTimeout(r, 2));
    (async () => {
      req.write(head);
      await pause();
      for (let i = 0; i < file.content.length && !req.destroyed; i += blockSize) {
        req.write(file.content.subarray(i, i + blockSize));
        await pause();
      }
      req.end(tail);
    })().catch(reject);
  });
}

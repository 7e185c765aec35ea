// Concurrent large edits against a running server, for the memory test and the bench: one body of
// about 10 MiB (a PNG of random pixels, which does not compress), sent by node:http from a single
// buffer to every request, so the load generator holds one copy however many it sends.
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** An /api/edit body of about `mib` MiB: a whole PNG the engines can decode. */
export async function largeEditBody(mib = 10): Promise<Buffer> {
  const side = Math.round(Math.sqrt(((mib * 1024 * 1024 * 3) / 4) / 3));
  const png = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
  return Buffer.from(JSON.stringify({ prompt: 'a lighthouse at dusk', seed: 1, image: { image: `data:image/png;base64,${png.toString('base64')}` } }));
}

export interface Answer {
  status: number;
  code: string;
}

/**
 * POSTs `body` as JSON; resolves with the status and error code (status 0: no answer). An answer that
 * came while the body was still being written counts, as in a browser: a write that fails after it
 * (the server closing a refused upload) does not turn it into "no answer".
 */
export function postJson(url: string, body: Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    let answered = false;
    // One connection per request, kept alive as a browser's is (so the server reads a refused upload
    // to its end rather than resetting it), and closed once answered.
    const agent = new Agent({ keepAlive: true });
    const resolveOnce = (answer: Answer) => (agent.destroy(), resolve(answer));
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.byteLength } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      const settle = () => {
        let code: string;
        try {
          code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code: string } }).error?.code ?? 'ok';
        } catch {
          code = 'not JSON';
        }
        resolveOnce({ status: res.statusCode ?? 0, code });
      };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', settle);
      // Cut short (the connection closed under it): what arrived is all there is.
      res.on('close', settle);
    });
    req.on('error', (err) => answered || resolveOnce({ status: 0, code: (err as NodeJS.ErrnoException).code ?? err.message }));
    req.on('socket', (socket) => socket.on('error', () => {}));
    req.end(body);
  });
}

/** `count` edits at once; resolves with every answer. */
export const concurrentEdits = (url: string, body: Buffer, count: number) => Promise.all(Array.from({ length: count }, () => postJson(`${url}/api/edit`, body)));

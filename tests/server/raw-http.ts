import { request } from 'node:http';

/**
 * A GET with exactly the headers given. Node's fetch always sends `Sec-Fetch-Mode: cors`, so a
 * browser's page navigation (`navigate`) can only be played with plain node:http.
 */
export function rawGet(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

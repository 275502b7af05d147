/**
 * The ceiling of the report page on this machine (bench/paths.ts): a bare `node:http` server — no framework, no
 * database — answering every request with the same public report's JSON from memory, as Pintu's headers say. What
 * autocannon gets from it, in the same run, is the most any Node server could serve here; Pintu's page is judged
 * against it as well as against pgbench. Usage: node bare-http.mjs <body file>; prints its port.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

const body = readFileSync(process.argv[2]);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));

// The machine's ceiling for an HTTP answer: a bare node:http server sending one fixed JSON body.
// Usage: node --import tsx bench/http-baseline-server.ts <port> <body-file>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, bodyFile] = process.argv.slice(2);
const body = readFileSync(bodyFile!);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };

createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(Number(port), '127.0.0.1', () => {
  console.log('listening');
});

/**
 * The ceiling the app is compared with: a bare Fastify hello-world, no plugins, no logging, no database.
 * Started by bench/run.ts as its own process (like the real server) so that it never shares an event
 * loop with the load generator. Prints `listening <port>` once ready; exits on SIGTERM.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const port = Number.parseInt(process.env.PORT ?? '0', 10);
await app.listen({ port, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);

process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

/** The HTTP ceiling: a Fastify route that does nothing, in its own process like GovDesk. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/ping', async () => ({ ok: true }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`trivial listening on ${address}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));

// The benches' load: `concurrency` keep-alive clients, each sending the next GET when the last answer arrived,
// for `durationMs`. Runs in a worker thread so the servers measured keep the main event loop to themselves.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { port, path, headers, concurrency, durationMs, warmupMs } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function get() {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(ms, latencies) {
  const deadline = performance.now() + ms;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        const status = await get();
        latencies?.push(performance.now() - start);
        if (status !== 200) errors++;
      }
    }),
  );
  return errors;
}

await run(warmupMs);
const latencies = [];
const errors = await run(durationMs, latencies);
agent.destroy();
latencies.sort((a, b) => a - b);
parentPort.postMessage({
  rps: latencies.length / (durationMs / 1000),
  p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
  p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  errors,
});

// Preloaded into each service the supervisor starts (`node --import`). Should the supervisor itself die without
// stopping its services (kill -9), a service is handed to another parent; it notices within a second and stops
// as on SIGTERM, so nothing outlives `pnpm start` to hold its port.
const supervisor = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === supervisor) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 1000);
watch.unref();

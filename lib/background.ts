// Work a server instance repeats in the background (sending xAPI statements, returning grades): never overlapping itself, never keeping the process alive.
export function repeatInBackground(what: string, everyMs: number, work: () => Promise<unknown>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (e) {
      console.error(`${what} failed; trying again shortly.`, e);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Lets waiting HTTP requests in between the steps of background work. PGlite runs on this thread, and a chain of
 * awaited queries resolves as microtasks without ever returning to the event loop: a start-up catch-up of a few
 * hundred deadlines held every request for 10–12 s (CPU profile, session 2). One macrotask turn per step fixes it.
 */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

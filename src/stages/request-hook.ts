// Every request builder reports the request it built here, so a test (or a debugging session) can
// check that the CLI command, the action and the pipeline asked a stage for the same thing.

/** Receives each request a `build<Stage>Request` returns, with the stage's name. */
export type RequestListener = (stage: string, request: unknown) => void;

const listeners = new Set<RequestListener>();

/** Calls `listener` with every request built from now on; returns the function that stops it. */
export function onRequestBuilt(listener: RequestListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hands a built request to the listeners and returns it. */
export function built<T>(stage: string, request: T): T {
  for (const listener of listeners) listener(stage, request);
  return request;
}

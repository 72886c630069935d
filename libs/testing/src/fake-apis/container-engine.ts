/** How long to wait for a container engine before settling for the stand-in. */
const ENGINE_PROBE_TIMEOUT_MS = 3_000;

/**
 * True when testcontainers finds a Docker-compatible engine that answers. Bounded in time, because
 * a socket that exists but hangs must not stall the test run. testcontainers is loaded only here, so
 * machines without an engine never pay for it beyond this probe.
 */
export async function containerEngineAnswers(timeoutMs = ENGINE_PROBE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const probe = import('testcontainers')
    .then(({ getContainerRuntimeClient }) => getContainerRuntimeClient())
    // "Could not find a working container runtime strategy" and the like: no engine here.
    .then(() => true, () => false);
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

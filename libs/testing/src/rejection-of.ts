type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** Awaits a call that must fail and returns its error, checked to be of the expected class. */
export async function rejectionOf<E extends Error>(call: Promise<unknown>, type: ErrorClass<E>): Promise<E> {
  try {
    await call;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`The call was expected to fail with ${type.name}, but it succeeded`);
}

/** Runs a function that must throw and returns its error, checked to be of the expected class. */
export function thrownBy<E extends Error>(run: () => unknown, type: ErrorClass<E>): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`The function was expected to throw ${type.name}, but it returned`);
}

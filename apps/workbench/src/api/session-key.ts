/** Query key of the signed-in client (`null` when signed out): set by sign-in, cleared by sign-out or a 401. */
export const sessionKey = ['session'] as const;

/** The server's only clock. Tests pass their own to move time (session expiry, lock-out). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

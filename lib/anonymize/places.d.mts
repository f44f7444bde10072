export const STATES_AND_PROVINCES: ReadonlySet<string>;
export const STATE_PATTERN: string;
export const STATE_CODES: string;

/** Bounds of a clinician's message to the person, shared by the case page's form and the server's checks. */
export const MESSAGE_MAX_CHARS = 1_200;
export const MAX_ATTACHED = 5;

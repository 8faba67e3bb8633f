/** Rules for staff credentials, the same in the server's contracts and the web's forms. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 64;
/** Letters, digits, dot, dash, underscore (the length is checked apart). */
export const USERNAME_CHARS = /^[a-zA-Z0-9._-]+$/;
/** The whole username rule in one pattern, for a form that checks it in one go. */
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,64}$/;

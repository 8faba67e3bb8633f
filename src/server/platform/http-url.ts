/** The http(s) URL rule lives in src/contracts/common.ts (shared with the web); re-exported here. */
export { HTTP_URL_MESSAGES, httpUrl, isHttpUrl } from '../../contracts/common';

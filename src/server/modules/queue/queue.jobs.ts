/** The queue's background tasks, run periodically by src/server/background.ts. */
export { closeStaleTickets } from './serve.service';

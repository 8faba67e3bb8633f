/**
 * One log line per request. Fastify's default is two (`incoming request` with the headers, then
 * `request completed`), which buried a day of MPP traffic in megabytes of JSON. Here the request is
 * logged once, when its answer has gone out: method, path, status and time, in the message (for
 * people reading a terminal) and as fields (for a log shipper reading JSON).
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { scrubText } from './log';

export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // Nothing: the request is logged once it has been answered.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // Paths carry tracking and booking codes, never NIK or phone numbers; scrub them anyway.
    const url = scrubText(request.url);
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const fields = { method: request.method, url, statusCode: reply.statusCode, ms };
    const msg = `${request.method} ${url} ${reply.statusCode} ${ms} ms`;
    if (error) reply.log.error({ ...fields, err: error }, msg);
    else if (reply.statusCode >= 500) reply.log.error(fields, msg);
    else reply.log.info(fields, msg);
  }
}

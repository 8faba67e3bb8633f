// Every table, collected for drizzle-kit and for the typed database handle.
export * from './events.schema';
export * from '../modules/access/access.schema';
export * from '../modules/files/files.schema';
export * from '../modules/catalog/catalog.schema';
export * from './jobs.schema';
export * from './audit.schema';
export * from './rate-limits.schema';
export * from '../modules/booking/booking.schema';
export * from '../modules/queue/queue.schema';
export * from '../modules/establishment/establishment.schema';
export * from '../modules/survey/survey.schema';
export * from '../modules/citizens/citizens.schema';
export * from '../modules/complaints/complaints.schema';
export * from '../modules/applications/applications.schema';
export * from '../modules/reports/reports.schema';

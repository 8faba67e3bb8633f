/**
 * What other modules may use of complaints (the one file of complaints they import): the figures
 * per agency and month that the reports read (received, verified and responded on time, median
 * hours to the first reply, share followed up). Callers authorize their own use.
 */
export { complaintFigures, complaintTotals, type ComplaintFigures } from './figures.service';

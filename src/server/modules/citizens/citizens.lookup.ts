/**
 * What other modules may use of citizens (the one file of citizens they import): who the signed-in
 * citizen of a request is, their history, their documents (readiness, holding documents an open
 * application uses, issuing a document into the wallet) and a share's documents for staff.
 */
export { citizenOf, type CitizenCaller } from './citizen.caller';
export { readinessFor } from './wallet.service';

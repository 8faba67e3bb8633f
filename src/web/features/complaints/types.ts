/** The complaints' wire types: the contracts' own (src/contracts/complaints), as JSON carries them. */
import type { RequestOf, ResponseOf } from '../../../contracts/common';
import type * as c from '../../../contracts/complaints';
import type { citizenSelf } from '../../../contracts/citizens';

export type FileBody = RequestOf<typeof c.fileBody>;
export type Filed = ResponseOf<typeof c.filedResponse>;
export type PublicComplaint = ResponseOf<typeof c.publicComplaint>;
export type TransitionBody = RequestOf<typeof c.transitionBody>;
export type MessageBody = RequestOf<typeof c.messageBody>;
export type ComplaintItem = ResponseOf<typeof c.complaintItem>;
export type ComplaintPage = ResponseOf<typeof c.complaintPage>;
export type ComplaintDetail = ResponseOf<typeof c.complaintDetail>;
export type ListQuery = RequestOf<typeof c.listQuery>;
/** `GET /api/v1/me` of a signed-in citizen (DESIGN §7): what prefills the form. */
export type CitizenSelf = ResponseOf<typeof citizenSelf>;
export type FiguresRow = ResponseOf<typeof c.figuresRow>;
export type Classification = FileBody['classification'];
export type Visibility = NonNullable<MessageBody['visibility']>;
export type Target = TransitionBody['to'];
export type ComplaintStatus = ComplaintItem['status'];
export type Author = PublicComplaint['replies'][number]['from'];

export { BODY_MAX, COMPLAINT_CLASSIFICATIONS, COMPLAINT_STATUSES, MESSAGE_MAX, TITLE_MAX } from '../../../domain/complaints';
export { COMPLAINT_EVENTS } from '../../../contracts/event-types';

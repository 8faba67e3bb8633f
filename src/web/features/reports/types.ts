/** The reports' wire types: the contracts' own (src/contracts/reports), as JSON carries them. */
import type { RequestOf, ResponseOf } from '../../../contracts/common';
import type * as c from '../../../contracts/reports';

export { INDICATORS } from '../../../contracts/reports';
export type Summary = ResponseOf<typeof c.summary>;
export type SummaryQuery = RequestOf<typeof c.summaryQuery>;
export type MinuteStats = ResponseOf<typeof c.minuteStats>;
export type AgencyFigures = ResponseOf<typeof c.agencyFigures>;
export type Monthly = ResponseOf<typeof c.monthly>;
export type TrendPoint = ResponseOf<typeof c.trendPoint>;
export type Notes = ResponseOf<typeof c.notesResponse>;
export type NotesBody = RequestOf<typeof c.notesBody>;
export type ReportSettings = ResponseOf<typeof c.settingsSchema>;
export type SettingsBody = RequestOf<typeof c.settingsBody>;
export type { Indicator } from '../../../contracts/reports';
export type Transparency = ResponseOf<typeof c.transparency>;
export type ArchiveItem = ResponseOf<typeof c.archiveItem>;
export type ReportFormat = (typeof c.REPORT_FORMATS)[number];

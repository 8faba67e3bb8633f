import { DEFAULT_MIN_GROUP_SIZE } from '../../../domain/survey';
import type { AppContext } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import * as repo from './survey.repository';

export interface SurveySettings {
  windowDays: number;
  minGroupSize: number;
  offerMinutes: number;
}

/** What a site without settings of its own uses. */
export const SURVEY_DEFAULTS: SurveySettings = { windowDays: 7, minGroupSize: DEFAULT_MIN_GROUP_SIZE, offerMinutes: 15 };

export async function surveySettingsOf(ctx: AppContext, siteId: string, conn: Conn = ambientConn(ctx.db)): Promise<SurveySettings> {
  const s = await repo.settingsOf(conn, siteId);
  return s ? { windowDays: s.windowDays, minGroupSize: s.minGroupSize, offerMinutes: s.offerMinutes } : { ...SURVEY_DEFAULTS };
}

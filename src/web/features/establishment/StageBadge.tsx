import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n';
import { STAGE_FILL } from './stages';
import type { MppStage } from './types';

/** A stage as a badge in its map colour, with its name written out. */
export function StageBadge({ stage }: { stage: MppStage }) {
  const { t } = useTranslation(NS);
  const c = STAGE_FILL[stage];
  return (
    <Badge variant="filled" styles={{ root: { background: c.fill, color: c.text, border: '1px solid #868e96' }, label: { overflow: 'visible' } }} data-stage={stage}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { IkmFigures } from '../types';

const GRADE_COLOR = { A: 'green', B: 'teal', C: 'orange', D: 'red' } as const;

/** Mutu pelayanan: the grade letter and its label, coloured A green … D red. */
export function GradeBadge({ f }: { f: Pick<IkmFigures, 'grade'> }) {
  const { t } = useTranslation('survey');
  if (!f.grade) return null;
  return (
    <Badge color={GRADE_COLOR[f.grade]} size="lg" variant="light">
      {f.grade} · {t(`grade.${f.grade}`)}
    </Badge>
  );
}


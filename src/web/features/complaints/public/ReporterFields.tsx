import { Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../i18n';

export type Privacy = 'open' | 'confidential' | 'anonymous';
export interface Reporter {
  name: string;
  phone: string;
  email: string;
}

/**
 * Who reports: the flags rahasia (identity for the complaint desk only) and anonim (no identity at
 * all), then name and contact unless anonymous. What each choice means is said next to it.
 */
export function ReporterFields({ privacy, onPrivacy, reporter, onReporter, errors }: { privacy: Privacy; onPrivacy: (p: Privacy) => void; reporter: Reporter; onReporter: (r: Reporter, field: keyof Reporter) => void; errors: Record<string, string> }) {
  const { t } = useTranslation('complaints');
  const set = (field: keyof Reporter) => (e: React.ChangeEvent<HTMLInputElement>) => onReporter({ ...reporter, [field]: e.currentTarget.value }, field);
  return (
    <Stack gap="sm">
      <Radio.Group label={t('form.privacy')} value={privacy} onChange={(v) => onPrivacy(v as Privacy)}>
        <Stack gap="xs" mt={4}>
          <Radio value="open" label={t('form.privacyOpen')} description={t('form.privacyOpenHint')} data-testid="complaint-privacy-open" />
          <Radio value="confidential" label={t('form.privacyConfidential')} description={t('form.privacyConfidentialHint')} data-testid="complaint-privacy-confidential" />
          <Radio value="anonymous" label={t('form.privacyAnonymous')} description={t('form.privacyAnonymousHint')} data-testid="complaint-privacy-anonymous" />
        </Stack>
      </Radio.Group>
      {privacy !== 'anonymous' && (
        <>
          <TextInput label={t('form.name')} value={reporter.name} onChange={set('name')} error={errors['reporter.name']} autoComplete="name" withAsterisk maxLength={120} data-testid="complaint-name" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('form.phone')} type="tel" inputMode="tel" value={reporter.phone} onChange={set('phone')} error={errors['reporter.phone']} autoComplete="tel" data-testid="complaint-phone" />
            <TextInput label={t('form.email')} type="email" value={reporter.email} onChange={set('email')} error={errors['reporter.email']} autoComplete="email" data-testid="complaint-email" />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6}>
            {t('form.contactHint')}
          </Text>
        </>
      )}
    </Stack>
  );
}

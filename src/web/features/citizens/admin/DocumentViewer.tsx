import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { P } from '../api';
import '../i18n';

/**
 * The document inline, as the server stamped it (a PDF watermarked with the agency and the time),
 * framed from its own same-origin address: each opening is one read in the citizen's access log.
 */
export function DocumentViewer({ code, doc, onClose }: { code: string; doc: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation('citizens');
  const title = t('officer.viewerTitle', { name: doc.name });
  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      <iframe src={`${P.sharedContent(code, doc.id)}?watermark=1`} title={title} style={{ width: '100%', height: '75vh', border: 0 }} data-testid="viewer-frame" />
    </Modal>
  );
}

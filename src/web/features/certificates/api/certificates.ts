import type {
  CertificateTemplate,
  PrintableDecision,
  PrintableList,
  TemplateUpdate,
} from '../../../../shared/certificates/certificates.schema';
import { api } from '../../../lib/api';

export const listTemplates = () => api.get<CertificateTemplate[]>('/certificates/templates');
export const updateTemplate = (id: string, input: TemplateUpdate) =>
  api.put<CertificateTemplate>(`/certificates/templates/${id}`, input);
export const printableDecisions = (year: number) =>
  api.get<PrintableList>('/certificates/decisions', { year });
export const printableDecision = (id: string) => api.get<PrintableDecision>(`/certificates/decisions/${id}`);
export const printUrl = (id: string, opts: { recipientId?: string; calibration?: boolean } = {}) => {
  const q = new URLSearchParams();
  if (opts.recipientId) q.set('recipientId', opts.recipientId);
  if (opts.calibration) q.set('calibration', 'true');
  const s = q.toString();
  return `/api/certificates/decisions/${id}/pdf${s ? `?${s}` : ''}`;
};
export const calibrationUrl = (id: string) => `/api/certificates/templates/${id}/calibration.pdf`;

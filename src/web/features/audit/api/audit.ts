import type { AuditEntry, AuditQuery, AuditVerifyResult } from '../../../../shared/audit/audit.schema';
import type { Page } from '../../../../shared/paginated';
import { api } from '../../../lib/api';

export const listAudit = (query: Partial<AuditQuery>) => api.get<Page<AuditEntry>>('/audit', query);
export const listAuditEntityTypes = () => api.get<string[]>('/audit/entity-types');
export const verifyAudit = () => api.get<AuditVerifyResult>('/audit/verify');

import type { Role } from '../../shared/permissions';

/** Who is acting, carried from the route into services and the audit log. */
export interface Actor {
  id: string | null;
  username: string;
  displayName: string;
  role: Role | 'system';
  unitId: string | null;
  requestId: string | null;
}

export const systemActor = (requestId: string | null = null, name = 'system'): Actor => ({
  id: null,
  username: name,
  displayName: name,
  role: 'system',
  unitId: null,
  requestId,
});

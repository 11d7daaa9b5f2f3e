/**
 * The one route list: each page with its menu label, icon and the permissions that show it. Pages are
 * loaded on demand (one chunk each). People, blocks and the rest come with later issues: nothing here is
 * a placeholder.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '../../shared/permissions';
import type { MessageKey } from '../lib/i18n';

export interface AppRoute {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown when the user holds any of these. */
  requires: Permission[];
  page: LazyExoticComponent<ComponentType>;
}

export const ROUTES: AppRoute[] = [
  {
    path: '/units',
    label: 'menu.units',
    icon: <ApartmentOutlined />,
    requires: ['read:unit:any', 'read:unit:own'],
    page: lazy(() =>
      import('../features/units/components/UnitsPage').then((m) => ({ default: m.UnitsPage })),
    ),
  },
  {
    path: '/users',
    label: 'menu.users',
    icon: <TeamOutlined />,
    requires: ['read:user:any', 'read:user:own'],
    page: lazy(() =>
      import('../features/users/components/UsersPage').then((m) => ({ default: m.UsersPage })),
    ),
  },
  {
    path: '/audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    requires: ['read:audit:any'],
    page: lazy(() =>
      import('../features/audit/components/AuditPage').then((m) => ({ default: m.AuditPage })),
    ),
  },
];

/**
 * The one route list: each page with its menu label, icon and the permissions that show it. Pages are
 * loaded on demand (one chunk each). People, blocks and the rest come with later issues: nothing here is
 * a placeholder.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import {
  BookOutlined,
  BranchesOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
// Issue 5 (movements, registration) icons.
import { FlagOutlined, FormOutlined } from '@ant-design/icons';
// Issue 5 (block scoring) icon.
import { OrderedListOutlined } from '@ant-design/icons';
// Issue 6 (dossiers, holidays) icons.
import { CalendarOutlined, FolderOpenOutlined } from '@ant-design/icons';
// Issue 6 (public disclosure, council) icons.
import { NotificationOutlined, SolutionOutlined } from '@ant-design/icons';
// Issue 6 (decisions) icon.
import { FileDoneOutlined } from '@ant-design/icons';
// Issue 7 (reports) icon.
import { FileTextOutlined } from '@ant-design/icons';
// Issue 7 (portal news) icon.
import { ReadOutlined } from '@ant-design/icons';
// Issue 7 (dashboard, statistics) icons.
import { BarChartOutlined, DashboardOutlined } from '@ant-design/icons';
// Issue 7 (emulation fund, certificates) icons.
import { PrinterOutlined, WalletOutlined } from '@ant-design/icons';
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
  // The dashboard (issue 7): the first page of everyone who reads reports (leaders, officers).
  {
    path: '/dashboard',
    label: 'menu.dashboard',
    icon: <DashboardOutlined />,
    requires: ['read:report:any', 'read:report:own'],
    page: lazy(() =>
      import('../features/dashboard/components/DashboardPage').then((m) => ({ default: m.DashboardPage })),
    ),
  },
  {
    path: '/units',
    label: 'menu.units',
    icon: <ApartmentOutlined />,
    requires: ['read:unit:any', 'read:unit:own'],
    page: lazy(() =>
      import('../features/units/components/UnitsPage').then((m) => ({ default: m.UnitsPage })),
    ),
  },
  // Registry (issue 3): people, the registry lists, blocks, mergers, import.
  {
    path: '/people',
    label: 'menu.people',
    icon: <IdcardOutlined />,
    requires: ['read:person:any', 'read:person:own'],
    page: lazy(() =>
      import('../features/people/components/PeoplePage').then((m) => ({ default: m.PeopleRoute })),
    ),
  },
  {
    path: '/registry',
    label: 'menu.registry',
    icon: <BookOutlined />,
    requires: ['read:person:any', 'read:person:own'],
    page: lazy(() =>
      import('../features/registry/components/RecordsPage').then((m) => ({ default: m.RecordsPage })),
    ),
  },
  {
    path: '/blocks',
    label: 'menu.blocks',
    icon: <ClusterOutlined />,
    requires: ['read:block:any'],
    page: lazy(() =>
      import('../features/registry/components/BlocksPage').then((m) => ({ default: m.BlocksPage })),
    ),
  },
  {
    path: '/successions',
    label: 'menu.successions',
    icon: <BranchesOutlined />,
    requires: ['read:unit:any'],
    page: lazy(() =>
      import('../features/registry/components/SuccessionsPage').then((m) => ({ default: m.SuccessionsPage })),
    ),
  },
  {
    path: '/import',
    label: 'menu.import',
    icon: <CloudUploadOutlined />,
    requires: ['import:registry:any', 'import:registry:own'],
    page: lazy(() =>
      import('../features/registry/components/ImportPage').then((m) => ({ default: m.ImportPage })),
    ),
  },
  // Eligibility (issue 4): suggestions with reasons and quotas; the rule packs, base salaries, prize money.
  {
    path: '/eligibility',
    label: 'menu.eligibility',
    icon: <TrophyOutlined />,
    requires: ['read:eligibility:any', 'read:eligibility:own'],
    page: lazy(() =>
      import('../features/eligibility/components/EligibilityPage').then((m) => ({
        default: m.EligibilityPage,
      })),
    ),
  },
  {
    path: '/rules',
    label: 'menu.rules',
    icon: <SafetyCertificateOutlined />,
    requires: ['read:eligibility:any', 'read:eligibility:own'],
    page: lazy(() =>
      import('../features/eligibility/components/RulesPage').then((m) => ({ default: m.RulesPage })),
    ),
  },
  // Movements and registration (issue 5, parts 1–2).
  {
    path: '/movements',
    label: 'menu.movements',
    icon: <FlagOutlined />,
    requires: ['read:movement:any', 'read:movement:own'],
    page: lazy(() =>
      import('../features/movements/components/MovementsPage').then((m) => ({ default: m.MovementsRoute })),
    ),
  },
  {
    path: '/registration',
    label: 'menu.registration',
    icon: <FormOutlined />,
    requires: ['read:registration:any', 'read:registration:own'],
    page: lazy(() =>
      import('../features/registration/components/RegistrationPage').then((m) => ({
        default: m.RegistrationPage,
      })),
    ),
  },
  // Block covenant and scoring (issue 5, part 3).
  {
    path: '/scoring',
    label: 'menu.scoring',
    icon: <OrderedListOutlined />,
    requires: ['read:scoring:any', 'read:scoring:own'],
    page: lazy(() =>
      import('../features/scoring/components/ScoringPage').then((m) => ({ default: m.ScoringPage })),
    ),
  },
  // Nomination dossiers (issue 6, parts 1–3) and the holiday calendar of their deadlines.
  {
    path: '/dossiers',
    label: 'menu.dossiers',
    icon: <FolderOpenOutlined />,
    requires: ['read:dossier:any', 'read:dossier:own'],
    page: lazy(() =>
      import('../features/dossiers/components/DossiersPage').then((m) => ({ default: m.DossiersRoute })),
    ),
  },
  {
    path: '/holidays',
    label: 'menu.holidays',
    icon: <CalendarOutlined />,
    requires: ['write:holiday:any', 'review:dossier:any'],
    page: lazy(() =>
      import('../features/dossiers/components/HolidaysPage').then((m) => ({ default: m.HolidaysPage })),
    ),
  },
  // Public disclosure and council sessions (issue 6, parts 4–5).
  {
    path: '/disclosures',
    label: 'menu.disclosure',
    icon: <NotificationOutlined />,
    requires: ['review:dossier:any'],
    page: lazy(() =>
      import('../features/disclosure/components/DisclosurePage').then((m) => ({ default: m.DisclosurePage })),
    ),
  },
  {
    path: '/council',
    label: 'menu.council',
    icon: <SolutionOutlined />,
    requires: ['read:council:any'],
    page: lazy(() =>
      import('../features/council/components/CouncilPage').then((m) => ({ default: m.CouncilRoute })),
    ),
  },
  // Decisions and prize money (issue 6, part 6).
  {
    path: '/decisions',
    label: 'menu.decisions',
    icon: <FileDoneOutlined />,
    requires: ['read:decision:any'],
    page: lazy(() =>
      import('../features/decisions/components/DecisionsPage').then((m) => ({ default: m.DecisionsRoute })),
    ),
  },
  // The year-end summary (issue 7, part 1).
  {
    path: '/reports',
    label: 'menu.reports',
    icon: <FileTextOutlined />,
    requires: ['read:report:any', 'read:report:own'],
    page: lazy(() =>
      import('../features/reports/components/ReportsPage').then((m) => ({ default: m.ReportsPage })),
    ),
  },
  // Statistics tables and the ministry's statistical forms (issue 7, part 2).
  {
    path: '/statistics',
    label: 'menu.statistics',
    icon: <BarChartOutlined />,
    requires: ['read:report:any', 'read:report:own'],
    page: lazy(() =>
      import('../features/statistics/components/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
    ),
  },
  // The public portal's news, categories and web links (issue 7, part 6).
  {
    path: '/news',
    label: 'menu.news',
    icon: <ReadOutlined />,
    requires: ['write:news:any'],
    page: lazy(() => import('../features/news/components/NewsPage').then((m) => ({ default: m.NewsPage }))),
  },
  // The emulation fund (issue 7, part 4).
  {
    path: '/fund',
    label: 'menu.fund',
    icon: <WalletOutlined />,
    requires: ['read:fund:any'],
    page: lazy(() => import('../features/fund/components/FundPage').then((m) => ({ default: m.FundPage }))),
  },
  // Certificates: Giấy khen and Bằng khen printed on calibrated templates (issue 7, part 5).
  {
    path: '/certificates',
    label: 'menu.certificates',
    icon: <PrinterOutlined />,
    requires: ['print:certificate:any'],
    page: lazy(() =>
      import('../features/certificates/components/CertificatesPage').then((m) => ({
        default: m.CertificatesPage,
      })),
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

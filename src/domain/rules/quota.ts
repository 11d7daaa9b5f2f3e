/**
 * Quotas: caps per issuer and year on a title, as a share of another title's holders (Nghị định 91/2017
 * art. 9(3): CSTĐCS ≤ 15% of LĐTT), with the pack's explicit rounding policy.
 */
import { AWARD_CODES, type AwardCode } from '../../shared/registry/catalog';
import type { Quota, RulePack } from './types';

export interface QuotaUse {
  quota: Quota;
  basis: number;
  allowed: number;
  used: number;
  remaining: number;
  exceeded: boolean;
  /** Vietnamese: "44/45 (15% của 300 danh hiệu Lao động tiên tiến, làm tròn xuống)". */
  detail: string;
}

const ROUNDING_LABEL = { floor: 'làm tròn xuống', round: 'làm tròn', ceil: 'làm tròn lên' } as const;

export function allowedBy(quota: Pick<Quota, 'maxShare' | 'rounding'>, basis: number): number {
  // Work in basis points to keep 0.15 × 300 = 45 exact (0.15 × 300 is 44.99999… in floating point).
  const exact = (basis * Math.round(quota.maxShare * 10_000)) / 10_000;
  const r = Math.round(exact * 1e6) / 1e6;
  return quota.rounding === 'floor'
    ? Math.floor(r)
    : quota.rounding === 'ceil'
      ? Math.ceil(r)
      : Math.round(r);
}

export function quotaUse(quota: Quota, basis: number, used: number): QuotaUse {
  const allowed = allowedBy(quota, basis);
  const pct = Math.round(quota.maxShare * 1000) / 10;
  return {
    quota,
    basis,
    allowed,
    used,
    remaining: Math.max(0, allowed - used),
    exceeded: used > allowed,
    // The title's name, not its code: an officer reads this.
    detail: `${used}/${allowed} (${String(pct).replace('.', ',')}% của ${basis} danh hiệu ${AWARD_CODES[quota.basisAwardCode].label}, ${ROUNDING_LABEL[quota.rounding]})`,
  };
}

export function quotasFor(pack: RulePack, awardCode: AwardCode): Quota[] {
  return pack.quotas.filter((q) => q.awardCode === awardCode);
}

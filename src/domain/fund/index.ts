export * from './packs';
export * from './ledger';

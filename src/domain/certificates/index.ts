export * from './layout';
export * from './texts';

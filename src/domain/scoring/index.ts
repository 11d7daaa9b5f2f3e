export * from './types';
export * from './points';
export * from './validate';
export * from './totals';
export * from './ranking';
export * from './rotation';

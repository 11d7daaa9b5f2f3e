export * from './number';
export * from './signature';
export * from './prize-lines';
export * from './rules';

export * from './council';

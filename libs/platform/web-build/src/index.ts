export * from './web-build';

export * from './graphql-client';
export * from './log-capture';
export * from './movable-clock';
export * from './net';
export * from './test-environment';

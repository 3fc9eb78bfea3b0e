export * from './pdf';
export * from './pdf-reply';

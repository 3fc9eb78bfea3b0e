export * from './pdf';
export * from './pdf-reply';
export * from './csv-reply';

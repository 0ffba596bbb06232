export * from './button';
export * from './csv';
export * from './data-table';
export * from './figure';
export * from './format';
export * from './palette';

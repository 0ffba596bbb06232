export * from './button';
export * from './data-table';
export * from './figure';
export * from './format';

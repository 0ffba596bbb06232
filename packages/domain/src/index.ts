// Public API of @ree/domain: re-exports only.
export * from './entities/country.ts';
export * from './entities/element.ts';
export * from './entities/production.ts';
export * from './entities/provenance.ts';
export * from './entities/quantity.ts';
export * from './entities/stage.ts';
export * from './errors.ts';
export * from './indicators/hhi.ts';

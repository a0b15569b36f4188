// Every table of every module, for the query builder and the migration generator.
export * from '../modules/territory/territory.tables';
export * from '../modules/people/people.tables';
export * from '../modules/bodies/bodies.tables';
export * from '../modules/access/access.tables';
export * from '../modules/people/counts.tables';
export * from '../modules/people/import/import.tables';
export * from '../modules/meetings/meetings.tables';
export * from '../modules/newsroom/communiques.tables';
